import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { describe, expect, inject, test } from "vitest";
import { parse } from "yaml";
import { CLIENT_ENTRIES } from "./support/client-entries.js";
import type { PackedPackage } from "./support/pack-and-install.js";
import { PACKAGE_DIR, ROOT, workspacePackages } from "./support/public-packages.js";
import { run } from "./support/run.js";

const { packed } = inject("packaging");
const workspace = workspacePackages();

/** Every tarball carries these, whatever else it holds. */
const ALWAYS = ["CHANGELOG.md", "LICENSE", "README.md", "package.json"];

/** Declarations the client's entries share: tsup emits them once, in a chunk named with a content hash. */
const SHARED_DECLARATIONS = /^dist\/[a-z-]+-[\w-]{8}\.d\.ts$/;

/** The exact contents of each tarball: no maps, tests, tsconfigs or sources beyond these. */
const EXPECTED_FILES: Record<string, (pkg: PackedPackage) => string[]> = {
  // Types only: the declarations are the package (the generated schema and the two entries).
  "@laml/types": () => ["generated/schema.d.ts", "src/index.d.cts", "src/index.d.mts"],
  // One bundle per entry and module system, each with its declarations; each shared chunk of
  // declarations serves both the ESM (.d.ts) and the CJS (.d.cts) ones, so it comes as a pair.
  "@laml/client": (pkg) => [
    ...CLIENT_ENTRIES.flatMap((entry) =>
      [".cjs", ".d.cts", ".d.ts", ".js"].map((extension) => `dist/${entry}${extension}`),
    ),
    ...pkg.files
      .filter((file) => SHARED_DECLARATIONS.test(file))
      .flatMap((file) => [file, file.replace(/\.d\.ts$/, ".d.cts")]),
  ],
  // The library and the CLI bundled with every dependency (their shared code in one chunk), one
  // declaration file, and the committed bin shim.
  "@laml/sandbox": (pkg) => [
    "bin/laml-sandbox.js",
    "dist/cli.js",
    ...pkg.files.filter((file) => /^dist\/chunks\/chunk-[A-Z0-9]+\.js$/.test(file)).slice(0, 1),
    "dist/index.d.ts",
    "dist/index.js",
  ],
};

/**
 * attw's profile per package. @laml/sandbox is a Node 20 server and CLI published as ESM only
 * (CommonJS callers use `await import()`), so the CommonJS and node10 resolutions do not apply.
 */
const ATTW_PROFILE: Record<string, "strict" | "esm-only"> = {
  "@laml/types": "strict",
  "@laml/client": "strict",
  "@laml/sandbox": "esm-only",
};

const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"] as const;

/** The workspace's pnpm catalogs (`catalog:` and `catalog:<name>` ranges), empty when there are none. */
function catalogs(): Record<string, Record<string, string>> {
  const workspace = parse(readFileSync(join(ROOT, "pnpm-workspace.yaml"), "utf8")) as {
    catalog?: Record<string, string>;
    catalogs?: Record<string, Record<string, string>>;
  };
  return { default: workspace.catalog ?? {}, ...workspace.catalogs };
}

/** The range a published package.json must carry for a range written in the workspace. */
function publishedRange(name: string, range: string): string {
  if (range.startsWith("workspace:")) {
    const version = workspace.find((pkg) => pkg.name === name)?.version;
    if (!version) throw new Error(`${name} says ${range}, but no workspace package has that name`);
    const spec = range.slice("workspace:".length);
    return spec === "*" ? version : spec === "^" || spec === "~" ? `${spec}${version}` : spec;
  }
  if (range.startsWith("catalog:")) {
    const catalog = range.slice("catalog:".length) || "default";
    const pinned = catalogs()[catalog]?.[name];
    if (!pinned) throw new Error(`${name} says ${range}, but pnpm-workspace.yaml has no such catalog entry`);
    return pinned;
  }
  return range;
}

function readManifest(dir: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

function fromTarball(pkg: PackedPackage, path: string): Buffer {
  return execFileSync("tar", ["-xzOf", pkg.tarball, `package/${path}`]);
}

test("every public package has an expected file list and an attw profile", () => {
  const names = packed.map((pkg) => pkg.name);
  expect(Object.keys(EXPECTED_FILES).sort()).toEqual(names);
  expect(Object.keys(ATTW_PROFILE).sort()).toEqual(names);
});

describe.each(packed)("$name's tarball", (pkg) => {
  test("holds exactly its build, README, CHANGELOG, LICENSE and package.json", () => {
    const expected = EXPECTED_FILES[pkg.name]?.(pkg) ?? [];
    expect(pkg.files).toEqual([...ALWAYS, ...expected].sort());
  });

  test("carries the repository's LICENSE", () => {
    expect(fromTarball(pkg, "LICENSE").toString("utf8")).toBe(readFileSync(join(ROOT, "LICENSE"), "utf8"));
  });

  test("names real versions for workspace: and catalog: ranges", () => {
    const source = readManifest(pkg.dir);
    const published = JSON.parse(fromTarball(pkg, "package.json").toString("utf8"));
    for (const field of DEPENDENCY_FIELDS) {
      const ranges = (source[field] ?? {}) as Record<string, string>;
      const expected = Object.fromEntries(
        Object.entries(ranges).map(([name, range]) => [name, publishedRange(name, range)]),
      );
      expect(published[field] ?? {}, field).toEqual(expected);
    }
    expect(JSON.stringify(published)).not.toMatch(/"(workspace|catalog):/);
  });

  test("publint reports nothing, suggestions included", async () => {
    const tarball = readFileSync(pkg.tarball);
    const { messages, pkg: manifest } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: "suggestion",
    });
    expect(messages.map((message) => formatMessage(message, manifest))).toEqual([]);
  });

  test("@arethetypeswrong/cli reports nothing", () => {
    const profile = ATTW_PROFILE[pkg.name] ?? "strict";
    const args = [pkg.tarball, "--profile", profile, "--no-color", "--no-emoji", "--format", "ascii"];
    // attw exits non-zero when it finds a problem; run() then throws with its report.
    const report = run(join(PACKAGE_DIR, "node_modules/.bin/attw"), args, PACKAGE_DIR);
    if (profile === "strict") expect(report).toContain("No problems found");
  });
});
