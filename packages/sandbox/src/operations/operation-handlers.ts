import type { ApiOperationId, operations, UpdateParticipantBody } from "@laml/types";
import { ErrorCode, LamlError } from "../http/laml-error.js";
import type { ValidRequest } from "../http/request-validator.js";
import type { Conference, StoredParticipant } from "../state/conference.js";
import { formatRfc2822 } from "../state/format-rfc2822.js";
import type { SandboxState } from "../state/sandbox-state.js";
import { listPage } from "./list-page.js";
import type { RequestView } from "./participants-uri.js";
import { participantBytes } from "./render-participant.js";

/** What an operation works with: the state, the authenticated account and the checked request. */
export interface OperationContext {
  state: SandboxState;
  /** The Project ID the request authenticated as. */
  projectId: string;
  request: ValidRequest;
  view: RequestView;
}

/** The status to answer with, and the body as UTF-8 JSON (none for 204). */
export interface OperationResult {
  status: number;
  json?: Buffer;
}

type PathOf<Id extends keyof operations> = operations[Id]["parameters"]["path"];

/** The sandbox's implementation of each operation of the spec, by `operationId`. */
export const operationHandlers: Record<ApiOperationId, (context: OperationContext) => OperationResult> = {
  listParticipants(context) {
    const conference = findConference(context, context.request.params as PathOf<"listParticipants">);
    const query = context.request.query as Parameters<typeof listPage>[1];
    return { status: 200, json: listPage(conference, query, context.view) };
  },

  getParticipant(context) {
    const { participant } = findParticipant(context, context.request.params as PathOf<"getParticipant">);
    return { status: 200, json: participantBytes(participant, context.view.prefix) };
  },

  updateParticipant(context) {
    const { conference, participant } = findParticipant(context, context.request.params as PathOf<"updateParticipant">);
    refuseIfCompleted(conference);
    const body = context.request.body as UpdateParticipantBody;
    checkCoaching(conference, participant, body);
    // The URL and method fields only steer audio, which the sandbox does not play.
    if (context.request.sent.length === 0)
      return { status: 200, json: participantBytes(participant, context.view.prefix) };
    const updated = conference.update(participant.call_sid, {
      ...(body.Muted !== undefined && { muted: body.Muted }),
      ...(body.Hold !== undefined && { hold: body.Hold }),
      ...(body.Coaching === false && { coaching: false, call_sid_to_coach: null }),
      // `CallSidToCoach` alone starts coaching: the API documents coaching as implied by it.
      ...(body.CallSidToCoach !== undefined && { coaching: true, call_sid_to_coach: body.CallSidToCoach }),
      date_updated: formatRfc2822(context.state.now()),
    });
    return { status: 200, json: participantBytes(updated, context.view.prefix) };
  },

  deleteParticipant(context) {
    const { conference, participant } = findParticipant(context, context.request.params as PathOf<"deleteParticipant">);
    refuseIfCompleted(conference);
    conference.leave(participant.call_sid);
    return { status: 204 };
  },
};

/**
 * The conference, if the authenticated account owns it. Another account's conference gets the
 * same answer as a missing one, so its existence is not revealed.
 */
function findConference(context: OperationContext, path: PathOf<"listParticipants">): Conference {
  const conference =
    path.AccountSid === context.projectId ? context.state.conference(path.AccountSid, path.ConferenceSid) : undefined;
  if (!conference) {
    throw new LamlError(
      404,
      ErrorCode.notFound,
      `Conference ${path.ConferenceSid} was not found in account ${path.AccountSid}`,
    );
  }
  return conference;
}

function findParticipant(context: OperationContext, path: PathOf<"getParticipant">) {
  const conference = findConference(context, path);
  const participant = conference.get(path.CallSid);
  if (!participant) {
    throw new LamlError(
      404,
      ErrorCode.notFound,
      `Participant ${path.CallSid} was not found in conference ${path.ConferenceSid}`,
    );
  }
  return { conference, participant };
}

function refuseIfCompleted(conference: Conference): void {
  if (conference.status === "completed") {
    throw new LamlError(
      422,
      ErrorCode.invalidArgument,
      `Conference ${conference.sid} has completed and can no longer be changed`,
    );
  }
}

function checkCoaching(conference: Conference, participant: StoredParticipant, body: UpdateParticipantBody): void {
  const fail = (message: string) => new LamlError(422, ErrorCode.coaching, message);
  if (body.Coaching === true && body.CallSidToCoach === undefined) {
    throw fail("Coaching=true needs CallSidToCoach, the CallSid of the participant to coach");
  }
  if (body.Coaching === false && body.CallSidToCoach !== undefined) {
    throw fail("CallSidToCoach goes with Coaching=true; to stop coaching, send Coaching=false alone");
  }
  if (body.CallSidToCoach === undefined) return;
  if (body.CallSidToCoach === participant.call_sid)
    throw fail("A participant cannot coach itself; CallSidToCoach names another participant");
  if (!conference.get(body.CallSidToCoach)) {
    throw fail(`The participant to be coached, ${body.CallSidToCoach}, is not in conference ${conference.sid}`);
  }
}
