import { format } from "../format.mjs";
import { measureRounds } from "../measure-rounds.mjs";
import { programs } from "../programs.mjs";
import { startChild } from "../start-child.mjs";

/** @import { BenchOptions, Row } from "../bench.js" */

/** openapi-fetch first: it is the baseline. */
const subjects = /** @type {const} */ (["openapi-fetch", "laml-client", "twilio"]).map((id) => ({
  id,
  ...programs[id],
  target: id === "laml-client" ? 1.5 : undefined,
}));

/**
 * Load time: `import()` of each package, measured inside a fresh `node` process per round (the
 * process's own start-up is not counted), as a ratio to openapi-fetch alone.
 * @param {BenchOptions} options
 * @returns {Promise<Row[]>}
 */
export async function loadTime({ rounds, log }) {
  // A few milliseconds each: three times the rounds cost little and steady the ratio.
  const loads = rounds * 3;
  log(`load time: ${loads} rounds, a fresh process per import`);
  const timings = await measureRounds(subjects, loads, async ({ packageName }) => {
    const probe = startChild("import-probe");
    try {
      return { ms: await probe.call({ specifier: packageName }) };
    } finally {
      await probe.close();
    }
  });
  return subjects.map((subject, index) => {
    const { median: ms, ratio } = /** @type {(typeof timings)[number]} */ (timings[index]).ms;
    return {
      benchmark: `Load time (\`import()\` in a fresh process, ${loads} rounds)`,
      subject: `\`${subject.packageName}\`${index === 0 ? " (baseline)" : ""}`,
      figure: format.ms(ms),
      value: ms,
      ratio: index === 0 ? "1×" : `${format.times(ratio)} openapi-fetch`,
      target: subject.target ? `≤ ${format.times(subject.target)} openapi-fetch` : "",
      holds: subject.target ? ratio <= subject.target : null,
    };
  });
}
