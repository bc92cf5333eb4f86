import { type Ajv, bundle } from "@laml/spec";
import { CALLBACK_METHODS } from "../callbacks/parse-subscription.js";
import { CONFERENCE_STATUSES } from "./conference.js";
import type { ConferenceOptions, ParticipantFields, SandboxAccount, SandboxState } from "./sandbox-state.js";

/** The data a sandbox starts with: accounts, their conferences and the participants in them. */
export interface SandboxSeed {
  accounts: (Omit<SandboxAccount, "signingKey"> & {
    /** Generated when left out; give one to verify the account's callbacks. */
    signingKey?: string;
    conferences?: (ConferenceOptions & { participants?: ParticipantFields[] })[];
  })[];
}

/** Checks a seed (from a file or code) and adds everything in it to the state. */
export function applySeed(state: SandboxState, seed: unknown, ajv: Ajv): void {
  const validate = ajv.compile(seedSchema(state.participantFields));
  if (!validate(seed)) throw new TypeError(`Invalid seed: ${ajv.errorsText(validate.errors, { dataVar: "seed" })}`);
  const valid = seed as unknown as SandboxSeed;
  for (const { conferences = [], ...account } of valid.accounts) {
    const { projectId } = state.addAccount(account);
    for (const { participants = [], ...conference } of conferences) {
      const conferenceSid = state.addConference(projectId, conference);
      for (const participant of participants) state.addParticipant(projectId, conferenceSid, participant);
    }
  }
}

/** The seed's JSON Schema; a participant's fields are the spec's `Participant` properties. */
function seedSchema(fields: readonly string[]) {
  const { Participant, Sid } = bundle.components.schemas;
  const all = (Participant?.properties ?? {}) as Record<string, unknown>;
  const properties = Object.fromEntries(fields.map((field) => [field, all[field]]));
  const participant = { type: "object", properties, additionalProperties: false };
  const conference = {
    type: "object",
    additionalProperties: false,
    properties: {
      sid: Sid,
      friendlyName: { type: "string" },
      status: { enum: CONFERENCE_STATUSES },
      statusCallback: { type: "string" },
      // The words are checked by addConference, which names the known ones.
      statusCallbackEvent: { type: "string" },
      statusCallbackMethod: { enum: CALLBACK_METHODS },
      participants: { type: "array", items: participant },
    },
  };
  const account = {
    type: "object",
    additionalProperties: false,
    // The seed names the credentials: a generated token would have to be printed to be usable.
    required: ["projectId", "apiToken"],
    properties: {
      projectId: Sid,
      apiToken: { type: "string", minLength: 1 },
      signingKey: { type: "string", minLength: 1 },
      conferences: { type: "array", items: conference },
    },
  };
  return {
    type: "object",
    additionalProperties: false,
    required: ["accounts"],
    properties: { accounts: { type: "array", items: account } },
  };
}
