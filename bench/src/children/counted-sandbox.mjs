// @laml/sandbox with injected latency, counting every request, every TCP connection it accepts and
// every participant's successful updates, so that round trips, sockets and "each muted exactly
// once" are counted where they arrive rather than taken from a client's word. In its own
// process: the clients' work does not share its CPU, and no other server of this process can add
// to the counts.
import { subscribe } from "node:diagnostics_channel";
import { startSandbox } from "@laml/sandbox";
import { answerParent } from "../answer-parent.mjs";
import { specFacts } from "../spec-facts.mjs";

/** @import { Connection } from "../program.js" */

const counts = { requests: 0, sockets: 0 };
// Node's own channels, published by node:http and node:net for every server of the process.
subscribe("http.server.request.start", () => counts.requests++);
subscribe("net.server.socket", () => counts.sockets++);

/** Successful updates per CallSid (unique across conferences, so never reset). */
const updates = new Map();

/** @type {Awaited<ReturnType<typeof startSandbox>> | undefined} */
let sandbox;
/** @type {{ projectId: string, apiToken: string } | undefined} */
let account;

answerParent(
  /**
   * `{ latencyMs }` starts the sandbox and answers the connection; `{ participants, muted }` adds
   * a conference of that many participants, every other one muted or none, and answers its SID;
   * `"counts"` answers the counts so far; `{ check }` reports on conference `check`'s updates.
   * @param {"counts" | { latencyMs: number } | { participants: number, muted: "every other" | "none" } | { check: string }} request
   * @returns {Promise<typeof counts | Connection | string | { participants: number, muted: number, fewestUpdates: number, mostUpdates: number }>}
   */
  async (request) => {
    if (request === "counts") return { ...counts };
    if ("latencyMs" in request) {
      if (sandbox) throw new Error("The sandbox is already started: send { latencyMs } once per process.");
      sandbox = await startSandbox({
        faults: { latencyMs: request.latencyMs },
        onResponse: ({ operationId, params, status, injected }) => {
          if (operationId !== "updateParticipant" || injected || status !== 200) return;
          const callSid = params.CallSid ?? "";
          updates.set(callSid, (updates.get(callSid) ?? 0) + 1);
        },
      });
      account = sandbox.addAccount();
      return {
        origin: sandbox.url,
        apiBaseUrl: sandbox.url + specFacts.basePath,
        accountSid: account.projectId,
        apiToken: account.apiToken,
      };
    }
    if (!sandbox || !account) throw new Error("Start the sandbox first: send { latencyMs }.");
    if ("participants" in request) {
      const conferenceSid = sandbox.addConference(account.projectId);
      for (let n = 0; n < request.participants; n++) {
        sandbox.addParticipant(account.projectId, conferenceSid, {
          muted: request.muted === "every other" && n % 2 === 0,
        });
      }
      return conferenceSid;
    }
    const participants = sandbox.participants(account.projectId, request.check);
    const perCall = participants.map((p) => updates.get(p.call_sid) ?? 0);
    return {
      participants: participants.length,
      muted: participants.filter((p) => p.muted).length,
      fewestUpdates: Math.min(...perCall),
      mostUpdates: Math.max(...perCall),
    };
  },
);
