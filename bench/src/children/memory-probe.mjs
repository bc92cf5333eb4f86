// Lists every participant once with one program and reports the process's peak memory. Started
// fresh (with --expose-gc) for each case, so one case's peak cannot hide in another's.
import { readFileSync } from "node:fs";
import { answerParent } from "../answer-parent.mjs";

/** @import { Connection, Program } from "../program.js" */

/**
 * This process's peak resident memory as Linux records it (VmHWM), or undefined elsewhere.
 * Not `process.resourceUsage().maxRSS`: Linux carries the forking parent's peak over into the
 * child's, so every probe would report at least the benchmark runner's own size.
 */
function highWaterMark() {
  try {
    const kB = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
    return kB === undefined ? undefined : Number(kB) * 1024;
  } catch {
    return undefined;
  }
}

answerParent(
  /** @param {{ file: string, connection: Connection, conferenceSid: string, pageSize: number, sampleEvery: number }} request */
  async ({ file, connection, conferenceSid, pageSize, sampleEvery }) => {
    const { gc } = globalThis;
    if (!gc) throw new Error("Start the memory probe with node --expose-gc.");
    /** @type {Program} */
    const program = await import(file);
    const client = program.connect(connection);
    // Live heap is read right after a full collection: what the listing retains, not garbage
    // waiting for the collector, so a leak shows and collector timing does not.
    const liveHeap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    let participants = 0;
    let peakLiveHeap = liveHeap();
    // Where VmHWM is missing, the resident size sampled at every page stands in for the peak.
    let sampledRss = process.memoryUsage.rss();
    await program.listAll(client, conferenceSid, pageSize, () => {
      participants++;
      if (participants % pageSize === 0) sampledRss = Math.max(sampledRss, process.memoryUsage.rss());
      if (participants % sampleEvery === 0) peakLiveHeap = Math.max(peakLiveHeap, liveHeap());
    });
    peakLiveHeap = Math.max(peakLiveHeap, liveHeap());
    return { participants, peakLiveHeap, peakRss: highWaterMark() ?? Math.max(sampledRss, process.memoryUsage.rss()) };
  },
);
