// Runs @laml/sandbox with the latency injected on every request, and counts, per call, the
// updates it applied, so the mute benchmark can check that everyone was muted exactly once.
import { startSandbox } from "@laml/sandbox";
import { answerParent } from "../answer-parent.mjs";

/** Successful updates per CallSid since the last conference was added, and requests answered. */
const counts = { updates: new Map(), requests: 0 };

/** @type {Awaited<ReturnType<typeof startSandbox>> | undefined} */
let sandbox;
/** @type {{ projectId: string, apiToken: string } | undefined} */
let account;

answerParent(
  /**
   * `{ latencyMs }` starts the sandbox; `{ participants }` adds a conference of that many unmuted
   * participants and resets the counts; `{ check }` reports on conference `check`.
   * @param {{ latencyMs?: number, participants?: number, check?: string }} request
   */
  async (request) => {
    if (request.latencyMs !== undefined) {
      sandbox = await startSandbox({
        faults: { latencyMs: request.latencyMs },
        onResponse: ({ operationId, params, status, injected }) => {
          counts.requests++;
          if (operationId !== "updateParticipant" || injected || status !== 200) return;
          const callSid = params.CallSid ?? "";
          counts.updates.set(callSid, (counts.updates.get(callSid) ?? 0) + 1);
        },
      });
      account = sandbox.addAccount();
      return { origin: sandbox.url, accountSid: account.projectId, apiToken: account.apiToken };
    }
    if (!sandbox || !account) throw new Error("Start the sandbox first: send { latencyMs }.");
    if (request.participants !== undefined) {
      const conferenceSid = sandbox.addConference(account.projectId);
      for (let n = 0; n < request.participants; n++) sandbox.addParticipant(account.projectId, conferenceSid);
      counts.updates.clear();
      counts.requests = 0;
      return conferenceSid;
    }
    const participants = sandbox.participants(account.projectId, request.check ?? "");
    const perCall = participants.map((p) => counts.updates.get(p.call_sid) ?? 0);
    return {
      participants: participants.length,
      muted: participants.filter((p) => p.muted).length,
      fewestUpdates: Math.min(...perCall),
      mostUpdates: Math.max(...perCall),
      requests: counts.requests,
    };
  },
);
