// Runs one benchmark program's list operations on request and times them in-process.
import { answerParent } from "../answer-parent.mjs";

/** @import { Connection, Lister } from "../lister.js" */

/** @type {Lister | undefined} */
let lister;

answerParent(
  /**
   * @param {{ file: string, connection: Connection } |
   *   { operation: "listPage" | "listPageRaw", conferenceSid: string, pageSize: number, calls: number } |
   *   { operation: "listAll", conferenceSid: string, pageSize: number }} request
   */
  async (request) => {
    if ("file" in request) {
      const { createLister } = await import(request.file);
      lister = createLister(request.connection);
      return null;
    }
    if (!lister) throw new Error("Send the program ({ file, connection }) before an operation.");
    const { conferenceSid, pageSize } = request;
    let participants = 0;
    if (request.operation === "listAll") {
      const started = performance.now();
      await lister.listAll(conferenceSid, pageSize, () => participants++);
      return { ms: performance.now() - started, participants };
    }
    const listPage = lister[request.operation];
    if (!listPage) throw new Error(`This program has no ${request.operation}.`);
    const started = performance.now();
    for (let call = 0; call < request.calls; call++) participants += (await listPage(conferenceSid, pageSize)).length;
    return { ms: performance.now() - started, participants };
  },
);
