import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { type Ajv, apiBasePath, bundle } from "@laml/spec";
import type { Participant } from "@laml/types";
import { describeValidationErrors } from "../describe-validation-errors.js";
import { renderParticipant } from "../operations/render-participant.js";
import { CONFERENCE_STATUSES, Conference, type ConferenceStatus, type StoredParticipant } from "./conference.js";
import { formatRfc2822 } from "./format-rfc2822.js";

/** An account's credentials: the Project ID (also its `AccountSid`) and an API token. */
export interface SandboxAccount {
  projectId: string;
  apiToken: string;
}

/** The optional fields of a new conference. */
export interface ConferenceOptions {
  sid?: string;
  friendlyName?: string;
  status?: ConferenceStatus;
}

/** The optional fields of a new participant, named as in the API's responses. */
export type ParticipantFields = Partial<Omit<Participant, "account_sid" | "conference_sid" | "uri">>;

/** Fields the sandbox sets itself: the owner, the conference and the URI. */
const DERIVED = new Set(["account_sid", "conference_sid", "uri"]);

interface Account {
  projectId: string;
  /** Only a digest of the token is kept, so no dump of the state can reveal it. */
  tokenDigest: Buffer;
  conferences: Map<string, Conference>;
}

/** Participants read outside a request get URIs under the spec's base path. */
const CANONICAL_PREFIX = apiBasePath;

const digest = (token: string) => createHash("sha256").update(token).digest();

/** The sandbox's accounts, conferences and participants. */
export class SandboxState {
  readonly #accounts = new Map<string, Account>();
  readonly #isSid: (value: unknown) => boolean;
  readonly #validateParticipant: ReturnType<Ajv["compile"]>;
  /** The participant fields a caller may set: the spec's, except those the sandbox derives. */
  readonly participantFields: readonly string[];
  /** Compared against when the Project ID is unknown, so a miss takes as long as a wrong token. */
  readonly #decoy = digest(randomUUID());

  /** @internal Built by the sandbox; left out of the published declarations, with its `Ajv`. */
  constructor(
    ajv: Ajv,
    readonly now: () => number,
  ) {
    const { Sid, Participant } = bundle.components.schemas;
    if (!Sid || !Participant) throw new Error("The spec lacks the Sid or Participant schema");
    this.#isSid = ajv.compile(Sid);
    this.#validateParticipant = ajv.compile(Participant);
    this.participantFields = Object.keys(Participant.properties ?? {}).filter((f) => !DERIVED.has(f));
  }

  /** Adds an account; without arguments, with a new Project ID and a random token. */
  addAccount(account: Partial<SandboxAccount> = {}): SandboxAccount {
    const projectId = account.projectId ?? randomUUID();
    const apiToken = account.apiToken ?? `PT${randomBytes(24).toString("hex")}`;
    this.#checkSid("addAccount", "projectId", projectId);
    if (typeof apiToken !== "string" || apiToken === "")
      throw new TypeError("addAccount: apiToken must be a non-empty string");
    if (this.#accounts.has(projectId))
      throw new Error(`addAccount: an account with Project ID ${projectId} already exists`);
    this.#accounts.set(projectId, { projectId, tokenDigest: digest(apiToken), conferences: new Map() });
    return { projectId, apiToken };
  }

  /** Whether the token is this Project ID's; takes the same time whatever is wrong. */
  authenticate(projectId: string, apiToken: string): boolean {
    const account = this.#accounts.get(projectId);
    return timingSafeEqual(digest(apiToken), account?.tokenDigest ?? this.#decoy) && account !== undefined;
  }

  /** The conference `sid` of account `projectId`, if it exists. */
  conference(projectId: string, sid: string): Conference | undefined {
    return this.#accounts.get(projectId)?.conferences.get(sid);
  }

  /** Adds a conference to an account and returns its SID. */
  addConference(projectId: string, options: ConferenceOptions = {}): string {
    const account = this.#account("addConference", projectId);
    const sid = options.sid ?? randomUUID();
    this.#checkSid("addConference", "sid", sid);
    const status = options.status ?? "in-progress";
    if (!CONFERENCE_STATUSES.includes(status)) {
      throw new TypeError(`addConference: status must be ${CONFERENCE_STATUSES.join(" or ")}, got ${String(status)}`);
    }
    if (account.conferences.has(sid)) throw new Error(`addConference: conference ${sid} already exists`);
    account.conferences.set(sid, new Conference(sid, projectId, options.friendlyName ?? `Conference ${sid}`, status));
    return sid;
  }

  /** Adds a participant (fields as in the API's responses, all optional) and returns its call SID. */
  addParticipant(projectId: string, conferenceSid: string, fields: ParticipantFields = {}): string {
    const conference = this.#conference("addParticipant", projectId, conferenceSid);
    const unknown = Object.keys(fields).filter((f) => !this.participantFields.includes(f));
    if (unknown.length > 0) {
      throw new TypeError(
        `addParticipant: ${unknown.join(", ")} is not a participant field; use ${this.participantFields.join(", ")}`,
      );
    }
    const now = formatRfc2822(this.now());
    const participant: StoredParticipant = {
      account_sid: projectId,
      call_sid: randomUUID(),
      call_sid_to_coach: null,
      coaching: false,
      conference_sid: conferenceSid,
      date_created: now,
      date_updated: fields.date_created ?? now,
      end_conference_on_exit: false,
      hold: false,
      muted: false,
      start_conference_on_enter: true,
      status: conference.status,
      ...fields,
    };
    const rendered = renderParticipant(participant, CANONICAL_PREFIX);
    if (!this.#validateParticipant(rendered)) {
      const problems = describeValidationErrors(this.#validateParticipant.errors ?? [], rendered, {
        noun: "participant field",
        known: this.participantFields,
      });
      throw new TypeError(`addParticipant: ${problems}`);
    }
    const joinedMs = Date.parse(participant.date_created);
    if (Number.isNaN(joinedMs)) {
      throw new TypeError(`addParticipant: date_created must be an RFC 2822 date, got ${participant.date_created}`);
    }
    conference.join(participant, joinedMs);
    return participant.call_sid;
  }

  /** Takes a participant out of a conference; false if they were not in it. */
  removeParticipant(projectId: string, conferenceSid: string, callSid: string): boolean {
    return this.#conference("removeParticipant", projectId, conferenceSid).leave(callSid);
  }

  /** A snapshot of a conference's participants, in listing order. */
  participants(projectId: string, conferenceSid: string): Participant[] {
    return this.#conference("participants", projectId, conferenceSid)
      .all()
      .map((p) => renderParticipant(p, CANONICAL_PREFIX));
  }

  #account(caller: string, projectId: string): Account {
    const account = this.#accounts.get(projectId);
    if (!account) throw new Error(`${caller}: there is no account ${projectId}; add it with addAccount first`);
    return account;
  }

  #conference(caller: string, projectId: string, sid: string): Conference {
    const conference = this.#account(caller, projectId).conferences.get(sid);
    if (!conference)
      throw new Error(`${caller}: account ${projectId} has no conference ${sid}; add it with addConference first`);
    return conference;
  }

  #checkSid(caller: string, name: string, value: unknown): void {
    if (!this.#isSid(value)) throw new TypeError(`${caller}: ${name} must be a UUID, got ${String(value)}`);
  }
}
