import { format } from "./format.mjs";
import { ratioTo, roundRatios } from "./measure-rounds.mjs";
import { median } from "./median.mjs";

/** @import { Row } from "./bench.js" */
/** @import { Measured } from "./measure-rounds.mjs" */

/** @typedef {{ ms: Measured, cpuMs: Measured }} Timing */

/**
 * A row's ratios, and its verdict when it has a `target`, where the client is judged, on its CPU
 * time, against the raw loop that keeps the client's per-attempt timeout (the *same-timeout
 * loop*, at `sameTimeoutIndex` in the cases): what that timeout costs Node's fetch is not the
 * client's own work, and neither is the turn it waits for one connection, time without work.
 * Every row gets its ratios to the first baseline (`baseline`, e.g. "raw fetch"); the rows after
 * the same-timeout loop get their ratios to it too, wall-clock and CPU, the CPU one with its
 * lowest and highest round, so that a reader sees how far the machine moved it.
 * @param {{ timing: Timing, index: number, sameTimeout: Timing, sameTimeoutIndex: number, baseline: string, target?: number }} row
 * @returns {Pick<Row, "ratio" | "target" | "holds">}
 */
export function judgeAgainstSameTimeout({ timing, index, sameTimeout, sameTimeoutIndex, baseline, target }) {
  const { ms, cpuMs } = timing;
  const byRound = roundRatios(cpuMs, sameTimeout.cpuMs);
  const cpuToSameTimeout = median(byRound);
  const ratios = [`${format.times(ms.ratio)} ${baseline} (CPU ${format.times(cpuMs.ratio)})`];
  if (index > sameTimeoutIndex) {
    const spread =
      byRound.length > 1 ? `, rounds ${format.times(Math.min(...byRound))}–${format.times(Math.max(...byRound))}` : "";
    ratios.push(
      `${format.times(ratioTo(ms, sameTimeout.ms))} same-timeout loop (CPU ${format.times(cpuToSameTimeout)}${spread})`,
    );
  }
  return {
    ratio: index === 0 ? "1×" : ratios.join("; "),
    target: target === undefined ? "" : `client CPU ≤ ${format.times(target)} same-timeout loop`,
    holds: target === undefined ? null : cpuToSameTimeout <= target,
  };
}
