import { readdir, readFile } from "node:fs/promises";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { bundle } from "../src/bundle.js";
import { operations } from "../src/operations.js";
import { webhooks } from "../src/webhooks.js";

// How the spec's files are named (spec/README.md says the same in words).
const root = new URL("../", import.meta.url);
const readYaml = async (file: string) => parse(await readFile(new URL(file, root), "utf8"));
const source = await readYaml("openapi.yaml");

describe("components", () => {
  const declared: Record<string, Record<string, { $ref: string }>> = source.components;

  test("every component file is declared in openapi.yaml under its file name, and only those", async () => {
    const kinds = await readdir(new URL("components/", root));
    expect(Object.keys(declared).sort()).toEqual(kinds.sort());
    for (const kind of kinds) {
      const files = (await readdir(new URL(`components/${kind}/`, root))).filter((f) => f.endsWith(".yaml"));
      const expected = Object.fromEntries(
        files.map((file) => [file.replace(/\.yaml$/, ""), { $ref: `./components/${kind}/${file}` }]),
      );
      expect(declared[kind], kind).toEqual(expected);
    }
  });

  test("the bundle's components carry the declared names", () => {
    for (const [kind, names] of Object.entries(declared)) {
      const bundled = bundle.components[kind as keyof typeof bundle.components];
      expect(Object.keys(bundled).sort(), kind).toEqual(Object.keys(names).sort());
    }
  });
});

describe("paths", () => {
  // `…/Participants` is participants.yaml; `…/Participants/{CallSid}`, one of them, participant.yaml.
  const fileFor = (path: string) => {
    const segments = path.split("/").filter(Boolean);
    const resource = [...segments].reverse().find((segment) => !segment.startsWith("{")) ?? "";
    const kebab = resource.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
    return `./paths/${segments.at(-1)?.startsWith("{") ? kebab.replace(/s$/, "") : kebab}.yaml`;
  };

  test("each path's file is named after the resource it addresses, and every path file is wired", async () => {
    const wired: Record<string, { $ref: string }> = source.paths;
    for (const [path, { $ref }] of Object.entries(wired)) expect($ref, path).toBe(fileFor(path));
    const files = (await readdir(new URL("paths/", root))).map((file) => `./paths/${file}`);
    expect(files.sort()).toEqual(
      Object.values(wired)
        .map(({ $ref }) => $ref)
        .sort(),
    );
  });

  test("each operation's and webhook's code samples are code-samples/<operationId>.<ext>, and every sample is used", async () => {
    const used: string[] = [];
    const items = [
      ...Object.values<{ $ref: string }>(source.paths),
      ...Object.values<{ $ref: string }>(source.webhooks),
    ];
    for (const { $ref } of items) {
      const item = await readYaml($ref);
      for (const operation of Object.values<any>(item)) {
        for (const sample of operation?.["x-codeSamples"] ?? []) {
          const file = String(sample.source.$ref).replace("../code-samples/", "");
          expect(file, operation.operationId).toMatch(new RegExp(`^${operation.operationId}\\.\\w+$`));
          used.push(file);
        }
      }
    }
    expect((await readdir(new URL("code-samples/", root))).sort()).toEqual(used.sort());
    expect(new Set(used.map((file) => file.split(".")[0]))).toEqual(
      new Set([...operations, ...webhooks].map((o) => o.operationId)),
    );
  });
});
