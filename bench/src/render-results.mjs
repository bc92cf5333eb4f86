/** @import { Row } from "./bench.js" */

/** Escapes what would break a markdown table cell. */
const cell = (/** @type {string} */ text) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/**
 * The results as markdown: the machine, how to read the figures, and one table in which each
 * benchmark's name heads its group of rows.
 * @param {readonly Row[]} rows
 * @param {{ machine: string, rounds: number }} run
 */
export function renderResults(rows, { machine, rounds }) {
  const judged = rows.filter((row) => row.holds !== null);
  const held = judged.filter((row) => row.holds).length;
  // A crashed benchmark judged none of its targets: the count above would leave them out unseen.
  const crashed = rows.filter((row) => row.subject === "(crashed)").map((row) => row.benchmark);
  const unjudged = crashed.length > 0 ? ` ${crashed.join(", ")} crashed, so its targets were not judged.` : "";
  const lines = [
    "# Benchmark results",
    "",
    `${machine}`,
    "",
    `Written by \`pnpm bench\`. Each timing is the median of ${rounds} rounds; each ratio is the median of`,
    "the per-round ratios to the baseline measured in the same round. See [README.md](README.md) for what",
    `each row measures. ${held} of ${judged.length} targets hold.${unjudged}`,
    "",
    "| Benchmark | Subject | Figure | Ratio | Target | Holds? |",
    "| --- | --- | --- | --- | --- | --- |",
  ];
  let previous = "";
  for (const row of rows) {
    const figure = row.failure ? `${row.figure}: ${row.failure}` : row.figure;
    const holds = row.holds === null ? "" : row.holds ? "yes" : "**no**";
    const benchmark = row.benchmark === previous ? "" : row.benchmark;
    previous = row.benchmark;
    lines.push(`| ${[benchmark, row.subject, figure, row.ratio, row.target, holds].map(cell).join(" | ")} |`);
  }
  return `${lines.join("\n")}\n`;
}
