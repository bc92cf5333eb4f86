import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { ensureChromium, findChromium } from "../src/ensure-chromium.mjs";

const scratch = mkdtempSync(join(tmpdir(), "laml-test-runtimes-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("findChromium", () => {
  test("takes CHROMIUM_PATH when it names an executable", () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });

  test("refuses a CHROMIUM_PATH that cannot be executed, naming it and the fix", () => {
    const file = join(scratch, "not-a-browser");
    writeFileSync(file, "");
    chmodSync(file, 0o644);
    expect(() => findChromium({ CHROMIUM_PATH: file })).toThrow(
      `CHROMIUM_PATH is ${file}, which is not an executable file: fix or unset it`,
    );
  });

  test("finds `chromium` on PATH before the system one", () => {
    const bin = mkdtempSync(join(scratch, "bin-"));
    const fake = join(bin, "chromium");
    writeFileSync(fake, "#!/bin/sh\n");
    chmodSync(fake, 0o755);
    expect(findChromium({ PATH: bin })).toBe(fake);
  });
});

describe("ensureChromium", () => {
  test("installs nothing when a Chromium is already there", () => {
    expect(ensureChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
});
