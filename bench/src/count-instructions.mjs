// `pnpm --filter bench instructions`: counts the instructions each per-call subject executes per
// list call under valgrind (see instructions.mjs), a figure that, unlike CPU time on a shared
// machine, does not move from run to run by more than a percent or two. It needs valgrind, which
// `pnpm bench` does not; it prints a table and writes no file.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { countInstructions } from "./instructions.mjs";

try {
  await promisify(execFile)("valgrind", ["--version"]);
} catch {
  console.error(
    "count-instructions needs valgrind on the PATH (e.g. apt-get install valgrind). The timed figures need nothing: run pnpm bench.",
  );
  process.exit(1);
}
const lines = await countInstructions({
  short: 2000,
  long: 20_000,
  log: (line) => console.error(`[instructions] ${line}`),
});
console.log(lines.join("\n"));
