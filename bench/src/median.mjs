/** The median of a non-empty list of numbers: robust to the odd round a busy machine spoils. */
export function median(/** @type {readonly number[]} */ values) {
  if (values.length === 0) throw new Error("median() needs at least one value.");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? /** @type {number} */ (sorted[middle]) : (/** @type {number} */ (sorted[middle - 1]) + /** @type {number} */ (sorted[middle])) / 2;
}
