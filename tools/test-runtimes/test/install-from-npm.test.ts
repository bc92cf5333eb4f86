import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { installFromNpm } from "../src/install-from-npm.mjs";

const scratch = mkdtempSync(join(tmpdir(), "laml-test-runtimes-npm-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A cached install of `name@version` whose executable prints `output` for `--version`. */
function cachedInstall(cacheDir: string, name: string, version: string, output: string) {
  const bin = join(cacheDir, `${name}@${version}`, "node_modules", ".bin");
  mkdirSync(bin, { recursive: true });
  const file = join(bin, name);
  writeFileSync(file, `#!/bin/sh\necho "${output}"\n`);
  chmodSync(file, 0o755);
  return file;
}

describe("installFromNpm", () => {
  test("runs no npm when the cache holds the version, answering --version with it", () => {
    const cacheDir = join(scratch, "cached");
    const file = cachedInstall(cacheDir, "fake-runtime", "1.2.3", "fake-runtime 1.2.3 (linux)");
    // With PATH emptied, calling npm would fail: only the cached binary can be the answer.
    const path = process.env.PATH;
    process.env.PATH = "";
    try {
      expect(installFromNpm({ name: "fake-runtime", version: "1.2.3", bin: "fake-runtime" }, cacheDir)).toBe(file);
    } finally {
      process.env.PATH = path;
    }
  });
});
