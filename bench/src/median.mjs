/** The median of a non-empty list of numbers: robust to the odd round a busy machine spoils. */
export function median(/** @type {readonly number[]} */ values) {
  if (values.length === 0) throw new Error("median() needs at least one value.");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = /** @type {number} */ (sorted[middle]);
  if (sorted.length % 2 === 1) return upper;
  const lower = /** @type {number} */ (sorted[middle - 1]);
  return (lower + upper) / 2;
}
