/** How figures are written in the results table. */
export const format = Object.freeze({
  /** Bytes as kB (1000 bytes), the unit bundle budgets are stated in. */
  kB: (/** @type {number} */ bytes) => `${(bytes / 1000).toFixed(bytes < 10_000 ? 2 : 1)} kB`,
  /** Bytes as MB (10^6 bytes). */
  MB: (/** @type {number} */ bytes) => `${(bytes / 1e6).toFixed(1)} MB`,
  /** Milliseconds, with precision where it matters. */
  ms: (/** @type {number} */ ms) =>
    ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`,
  /** Microseconds. */
  us: (/** @type {number} */ ms) => `${(ms * 1000).toFixed(0)} µs`,
  /** A ratio such as `1.04×`. */
  times: (/** @type {number} */ ratio) => `${ratio.toFixed(ratio < 10 ? 2 : 0)}×`,
  /** A count with thousands separators: 10,000. */
  count: (/** @type {number} */ n) => n.toLocaleString("en-US"),
});
