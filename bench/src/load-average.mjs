import { loadavg } from "node:os";

/** The 1, 5 and 15-minute load averages, e.g. `0.68, 1.66, 1.99`: how busy the shared machine was. */
export function loadAverage() {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
}
