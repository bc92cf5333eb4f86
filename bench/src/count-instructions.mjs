import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { promisify } from "node:util";
import { perCallCases, SAME_TIMEOUT } from "./benchmarks/per-call.mjs";
import { format } from "./format.mjs";

const run = promisify(execFile);

/** The probe that makes the calls counted (see its header). */
const PROBE = new URL("./children/instruction-probe.mjs", import.meta.url).pathname;

/**
 * What is counted: the per-call row's judged subjects, its baseline for them (the same-timeout
 * loop, first) and openapi-fetch for reference. All send through Node's fetch, the dispatcher's
 * only way in; twilio-node sends through `node:http`, so it could not be counted.
 */
export const instructionCases = perCallCases.filter(
  (item, index) => index === SAME_TIMEOUT || item.judged || item.program === "openapi-fetch",
);

/**
 * V8 made repeatable: one thread (`--predictable` implies `--single-threaded`), since its
 * background compiler and collector move the count; a collection schedule that does not follow
 * the clock, which under valgrind runs at a speed of the machine's choosing; and a fixed seed.
 * With one thread alone, two runs of the same calls differed by a few percent.
 */
const PREDICTABLE = ["--predictable", "--predictable-gc-schedule", "--random-seed=1"];

/**
 * Runs the probe for `calls` calls, under `wrapper` (the command and its arguments before node's)
 * when given; resolves to what it printed and valgrind's report.
 * @param {(typeof instructionCases)[number]} item
 * @param {number} calls
 * @param {string[]} [wrapper]
 */
export async function runProbe({ program, operation }, calls, wrapper = []) {
  const [command = process.execPath, ...args] = [...wrapper, process.execPath];
  const { stdout, stderr } = await run(command, [...args, ...PREDICTABLE, PROBE, program, operation, `${calls}`], {
    maxBuffer: 1 << 24,
  });
  const { dispatched } = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}");
  if (dispatched !== calls) throw new Error(`${program} ${operation}: ${dispatched} requests for ${calls} calls.`);
  return { stderr };
}

/** valgrind's cachegrind, counting instructions only. */
const CACHEGRIND = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"];

/** The instructions a whole probe run executed, as cachegrind reports them. */
async function instructionsOf(/** @type {(typeof instructionCases)[number]} */ item, /** @type {number} */ calls) {
  const { stderr } = await runProbe(item, calls, CACHEGRIND);
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr)?.[1];
  if (!refs)
    throw new Error(`cachegrind printed no instruction count for ${item.program} ${item.operation}:\n${stderr}`);
  return Number(refs.replaceAll(",", ""));
}

/**
 * The instructions per call of each case once warm, in the order of `instructionCases`: a run of
 * `long` calls less a run of `short`, over the difference, so that start-up, loading and the
 * first, slower calls cancel out. Runs as many processes at once as there are cores, the long
 * ones first.
 * @param {{ short: number, long: number, log: (line: string) => void }} options
 * @returns {Promise<number[]>}
 */
export async function countInstructions({ short, long, log }) {
  const jobs = [long, short].flatMap((calls) => instructionCases.map((item) => ({ item, calls })));
  /** @type {Map<string, number>} */
  const counted = new Map();
  const next = async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) {
      const { item, calls } = job;
      counted.set(`${item.subject} ${calls}`, await instructionsOf(item, calls));
      log(`instructions: ${item.program} ${item.operation}, ${format.count(calls)} calls counted`);
    }
  };
  await Promise.all(Array.from({ length: availableParallelism() }, next));
  return instructionCases.map(
    ({ subject }) =>
      ((counted.get(`${subject} ${long}`) ?? 0) - (counted.get(`${subject} ${short}`) ?? 0)) / (long - short),
  );
}
