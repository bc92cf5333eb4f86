import { readdir, readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { parse } from "yaml";
import { bundle } from "../src/bundle.js";

const root = new URL("../", import.meta.url);
const declared: Record<string, Record<string, { $ref: string }>> = parse(
  await readFile(new URL("openapi.yaml", root), "utf8"),
).components;

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
