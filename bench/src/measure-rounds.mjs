import { median } from "./median.mjs";

/**
 * @typedef {object} Measured
 * @property {number} median The case's median over the rounds.
 * @property {number} ratio The median over the rounds of the case's figure divided by the baseline's figure in the same round.
 */

/**
 * Measures every case once per round. The order rotates each round so that a slow spell of a
 * shared machine does not always land on the same case, and each ratio is taken within one round,
 * where the case and the baseline saw the same machine.
 * @template T
 * @param {readonly T[]} cases The first case is the baseline.
 * @param {number} rounds
 * @param {(item: T) => Promise<number>} measure Runs one case once; resolves to its figure (e.g. milliseconds).
 * @returns {Promise<Measured[]>}
 */
export async function measureRounds(cases, rounds, measure) {
  /** @type {number[][]} */
  const figures = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < cases.length; step++) {
      const index = (step + round) % cases.length;
      figures[index]?.push(await measure(/** @type {T} */ (cases[index])));
    }
  }
  const baseline = /** @type {number[]} */ (figures[0]);
  return figures.map((caseFigures) => ({
    median: median(caseFigures),
    ratio: median(caseFigures.map((figure, round) => figure / /** @type {number} */ (baseline[round]))),
  }));
}
