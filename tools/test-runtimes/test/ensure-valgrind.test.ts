import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { ensureValgrind } from "../src/ensure-valgrind.mjs";

describe("ensureValgrind", () => {
  // On a fresh CI machine (root, apt-get) this installs Debian's package; anywhere else valgrind
  // must already be there, as the bench's smoke test needs it.
  test("leaves valgrind on the PATH, ready to run", () => {
    ensureValgrind();
    expect(spawnSync("valgrind", ["--version"], { encoding: "utf8" }).stdout).toMatch(/^valgrind-\d/);
  });
});
