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
  const baseline = /** @type {Array<Record<K, number>>} */ (results[0]);
  return results.map((caseResults) => {
    const keys = /** @type {K[]} */ (Object.keys(caseResults[0] ?? {}));
    return /** @type {Record<K, Measured>} */ (
      Object.fromEntries(
        keys.map((key) => [
          key,
          {
            median: median(caseResults.map((result) => result[key])),
            ratio: median(
              caseResults.map((result, round) => result[key] / /** @type {Record<K, number>} */ (baseline[round])[key]),
            ),
          },
        ]),
      )
    );
  });
}
