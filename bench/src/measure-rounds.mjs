import { median } from "./median.mjs";

/**
 * @typedef {object} Measured
 * @property {number} median The case's median over the rounds.
 * @property {number} ratio The median over the rounds of the case's figure divided by the baseline's figure in the same round.
 * @property {number[]} rounds The case's figure in each round, in the order the rounds ran.
 */

/**
 * `measured`'s figure divided by `baseline`'s, round by round (each pair saw the same machine).
 * @param {Pick<Measured, "rounds">} measured
 * @param {Pick<Measured, "rounds">} baseline
 */
export function roundRatios(measured, baseline) {
  return measured.rounds.map((value, round) => value / /** @type {number} */ (baseline.rounds[round]));
}

/**
 * Like `ratio`, but to another case than the first: the median over the rounds of `measured`'s
 * figure divided by `baseline`'s in the same round.
 * @param {Pick<Measured, "rounds">} measured
 * @param {Pick<Measured, "rounds">} baseline
 */
export function ratioTo(measured, baseline) {
  return median(roundRatios(measured, baseline));
}

/**
 * Measures every case once per round. The order rotates each round so that a slow spell of a
 * shared machine does not always land on the same case, and each ratio is taken within one round,
 * where the case and the baseline saw the same machine.
 * @template T
 * @template {string} K
 * @param {readonly T[]} cases The first case is the baseline.
 * @param {number} rounds
 * @param {(item: T) => Promise<Record<K, number>>} measure Runs one case once; resolves to its figures (e.g. `{ ms, cpuMs }`).
 * @returns {Promise<Array<Record<K, Measured>>>}
 */
export async function measureRounds(cases, rounds, measure) {
  /** @type {Array<Array<Record<K, number>>>} */
  const results = cases.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let step = 0; step < cases.length; step++) {
      const index = (step + round) % cases.length;
      results[index]?.push(await measure(/** @type {T} */ (cases[index])));
    }
  }
  const keys = /** @type {K[]} */ (Object.keys(results[0]?.[0] ?? {}));
  const figures = results.map((caseResults) =>
    keys.map((key) => {
      const values = caseResults.map((result) => result[key]);
      return { median: median(values), rounds: values };
    }),
  );
  const baseline = /** @type {(typeof figures)[number]} */ (figures[0]);
  return figures.map(
    (caseFigures) =>
      /** @type {Record<K, Measured>} */ (
        Object.fromEntries(
          caseFigures.map((figure, k) => [
            keys[k],
            { ...figure, ratio: ratioTo(figure, /** @type {(typeof baseline)[number]} */ (baseline[k])) },
          ]),
        )
      ),
  );
}
