// @laml/sandbox with one conference and injected latency, counting every request and every TCP
// connection it accepts, so that round trips and sockets are counted where they arrive rather
// than taken from a client's word. In its own process: the clients' work does not share its CPU,
// and no other server of this process can add to the counts.
import { subscribe } from "node:diagnostics_channel";
import { startSandbox } from "@laml/sandbox";
import { answerParent } from "../answer-parent.mjs";
import { specFacts } from "../spec-facts.mjs";

/** @import { Connection } from "../program.js" */

const counts = { requests: 0, sockets: 0 };
// Node's own channels, published by node:http and node:net for every server of the process.
subscribe("http.server.request.start", () => counts.requests++);
subscribe("net.server.socket", () => counts.sockets++);

answerParent(
  /**
   * `"counts"` answers the counts so far; `{ participants, latencyMs }` starts the sandbox and
   * answers the connection and the conference's SID.
   * @param {"counts" | { participants: number, latencyMs: number }} request
   * @returns {Promise<typeof counts | { connection: Connection, conferenceSid: string }>}
   */
  async (request) => {
    if (request === "counts") return { ...counts };
    const sandbox = await startSandbox({ faults: { latencyMs: request.latencyMs } });
    const { projectId, apiToken } = sandbox.addAccount();
    const conferenceSid = sandbox.addConference(projectId);
    for (let n = 0; n < request.participants; n++) {
      sandbox.addParticipant(projectId, conferenceSid, { muted: n % 2 === 0 });
    }
    const connection = {
      origin: sandbox.url,
      apiBaseUrl: sandbox.url + specFacts.basePath,
      accountSid: projectId,
      apiToken,
    };
    return { connection, conferenceSid };
  },
);
