import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { format } from "../format.mjs";
import { median } from "../median.mjs";
import { runCommand } from "../run-command.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */

/** The spec file edited, the generated file that must change, and the package that generates it. */
const editedSpecFile = "spec/components/schemas/Participant.yaml";
const generatedTypes = "packages/types/generated/schema.d.ts";
const typesPackage = "@laml/types";
/** A one-line, unquoted `description:` in the edited file: appending to it is valid YAML and reaches the generated JSDoc. */
const plainDescription = /^(\s+description: [^'"|>\s].*)$/m;

const env = { TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

/**
 * Runs `pnpm build` with turbo arguments and reads from turbo's summary how many tasks it ran.
 * @param {string} cwd
 * @param {string[]} args
 */
async function pnpmBuild(cwd, args) {
  const { ms, output } = await runCommand("pnpm", ["build", ...args], { cwd, env });
  const summary = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  if (!summary) throw new Error(`No "Cached: N cached, N total" line in turbo's output:\n${output.slice(-2000)}`);
  const executed = [...output.matchAll(/^(\S+?):\s*cache (?:miss|bypass)/gm)].flatMap(([, task]) =>
    task ? [task] : [],
  );
  return { ms, total: Number(summary[2]), cached: Number(summary[1]), executed: [...new Set(executed)] };
}

/**
 * Appends `marker` to a description in the edited spec file.
 * @param {string} yaml
 * @param {string} marker
 */
function editDescription(yaml, marker) {
  if (!plainDescription.test(yaml)) {
    throw new Error(
      `${editedSpecFile} has no one-line unquoted description to edit; point the build-loop benchmark at another file.`,
    );
  }
  return yaml.replace(plainDescription, `$1 ${marker}`);
}

/**
 * The build loop, in a throwaway git worktree of HEAD so that the working tree is never touched:
 * a cold `pnpm build --force` (the baseline), a no-op `pnpm build` (which must execute no task),
 * and the time from a spec edit to regenerated types (`pnpm build --filter=@laml/types`).
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function buildLoop({ buildRounds, buildFilter, log }) {
  const bench = fileURLToPath(new URL("../..", import.meta.url));
  const root = (await runCommand("git", ["rev-parse", "--show-toplevel"], { cwd: bench })).output.trim();
  const parent = await mkdtemp(join(tmpdir(), "laml-bench-"));
  const worktree = join(parent, "laml");
  await runCommand("git", ["worktree", "add", "--detach", worktree, "HEAD"], { cwd: root });
  try {
    log(`build loop: installing a worktree of HEAD at ${worktree} (offline)`);
    await runCommand("pnpm", ["install", "--offline", "--frozen-lockfile"], { cwd: worktree, env });
    const filter = buildFilter ? [`--filter=${buildFilter}`] : [];
    const specFile = join(worktree, editedSpecFile);
    const original = await readFile(specFile, "utf8");
    /** @type {Record<"cold" | "noop" | "edit", number[]>} */
    const ms = { cold: [], noop: [], edit: [] };
    let tasks = 0;
    /** @type {string[]} */
    const noopExecuted = [];
    for (let round = 0; round < buildRounds; round++) {
      log(`build loop: round ${round + 1} of ${buildRounds}`);
      const cold = await pnpmBuild(worktree, ["--force", ...filter]);
      const noop = await pnpmBuild(worktree, filter);
      tasks = cold.total;
      noopExecuted.push(...noop.executed.filter((task) => !noopExecuted.includes(task)));
      if (noop.cached !== noop.total && noop.executed.length === 0)
        noopExecuted.push(`${noop.total - noop.cached} unnamed task(s)`);
      const marker = `Edited by the build-loop benchmark, round ${round + 1}, ${Date.now()}.`;
      await writeFile(specFile, editDescription(original, marker));
      try {
        const edit = await pnpmBuild(worktree, [`--filter=${typesPackage}`]);
        const types = await readFile(join(worktree, generatedTypes), "utf8");
        if (!types.includes(marker))
          throw new Error(`${generatedTypes} was not regenerated from the edited ${editedSpecFile}.`);
        ms.edit.push(edit.ms);
      } finally {
        await writeFile(specFile, original);
      }
      ms.cold.push(cold.ms);
      ms.noop.push(noop.ms);
    }
    const ratio = (/** @type {number[]} */ figures) =>
      `${format.times(median(figures.map((figure, round) => figure / /** @type {number} */ (ms.cold[round]))))} cold build`;
    const scope = buildFilter ? ` --filter=${buildFilter}` : "";
    const benchmark = `Build loop (fresh worktree of HEAD, ${buildRounds} round${buildRounds === 1 ? "" : "s"})`;
    return [
      {
        benchmark,
        subject: `cold \`pnpm build --force${scope}\` (baseline)`,
        figure: `${format.ms(median(ms.cold))}, ${tasks} tasks`,
        value: median(ms.cold),
        ratio: "1×",
        target: "",
        holds: null,
      },
      {
        benchmark,
        subject: `no-op \`pnpm build${scope}\``,
        figure: `${format.ms(median(ms.noop))}, ${noopExecuted.length === 0 ? `0 of ${tasks} tasks executed` : `executed ${noopExecuted.join(", ")}`}`,
        value: median(ms.noop),
        ratio: ratio(ms.noop),
        target: "executes no task",
        holds: noopExecuted.length === 0,
      },
      {
        benchmark,
        subject: `spec edit → regenerated types (\`pnpm build --filter=${typesPackage}\`)`,
        figure: format.ms(median(ms.edit)),
        value: median(ms.edit),
        ratio: ratio(ms.edit),
        target: "",
        holds: null,
      },
    ];
  } finally {
    await runCommand("git", ["worktree", "remove", "--force", worktree], { cwd: root });
    await rm(parent, { recursive: true, force: true });
  }
}
