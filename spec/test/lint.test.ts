import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "vitest";

test("redocly lint reports no errors and no warnings", async () => {
  const { stdout } = await promisify(execFile)("redocly", ["lint", "--config", "../redocly.yaml", "--format", "json"], {
    cwd: new URL("..", import.meta.url),
  }).catch((failure) => failure);
  const report = JSON.parse(stdout);
  expect(report.problems).toEqual([]);
  expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
}, 60_000);
