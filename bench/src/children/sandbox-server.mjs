// Runs @laml/sandbox with one conference of `participants` participants, in its own process so
// the load generator does not share its CPU.
import { startSandbox } from "@laml/sandbox";
import { answerParent } from "../answer-parent.mjs";
import { specFacts } from "../spec-facts.mjs";

answerParent(
  /** @param {{ participants: number }} request */
  async ({ participants }) => {
    const sandbox = await startSandbox();
    const { projectId, apiToken } = sandbox.addAccount();
    const conferenceSid = sandbox.addConference(projectId);
    for (let n = 0; n < participants; n++) sandbox.addParticipant(projectId, conferenceSid, { muted: n % 2 === 0 });
    return {
      url: `${sandbox.url}${specFacts.basePath}/Accounts/${projectId}/Conferences/${conferenceSid}/Participants?PageSize=${participants}`,
      authorization: `Basic ${btoa(`${projectId}:${apiToken}`)}`,
    };
  },
);
