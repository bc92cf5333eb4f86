// Lists every participant once with one program and reports the process's peak memory. Started
// fresh (with --expose-gc) for each case, so one case's peak cannot hide in another's.
import { answerParent } from "../answer-parent.mjs";

/** @import { Connection, Program } from "../program.js" */

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
    await program.listAll(client, conferenceSid, pageSize, () => {
      participants++;
      if (participants % sampleEvery === 0) peakLiveHeap = Math.max(peakLiveHeap, liveHeap());
    });
    peakLiveHeap = Math.max(peakLiveHeap, liveHeap());
    // maxRSS is the kernel's high-water mark of the process in KiB: a true peak, not a sample.
    return { participants, peakLiveHeap, peakRss: process.resourceUsage().maxRSS * 1024 };
  },
);
