import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { type Ajv, apiBasePath, bundle } from "@laml/spec";
import type { Participant } from "@laml/types";
import { parseSubscription, type StatusCallbackOptions } from "../callbacks/parse-subscription.js";
import { signCallback } from "../callbacks/sign-callback.js";
import { describeValidationErrors } from "../describe-validation-errors.js";
import { renderParticipant } from "../operations/render-participant.js";
import {
  CONFERENCE_STATUSES,
  Conference,
  type ConferenceHooks,
  type ConferenceStatus,
  type StoredParticipant,
} from "./conference.js";
import { formatRfc2822 } from "./format-rfc2822.js";

/**
 * An account's credentials: the Project ID (also its `AccountSid`), an API token, and the
 * Signing Key its status callbacks are signed with.
 */
export interface SandboxAccount {
  projectId: string;
  apiToken: string;
  signingKey: string;
}

/** The optional fields of a new conference, and where its status callbacks go. */
export interface ConferenceOptions extends StatusCallbackOptions {
  sid?: string;
  friendlyName?: string;
  status?: ConferenceStatus;
}

/** The changes a participant may be given outside the API, as in the API's responses. */
export type ParticipantChanges = Partial<Pick<Participant, "muted" | "hold">>;

/** What the state reports to, and which hosts other than this machine it may call back. */
export interface StateOptions {
  onChange?: ConferenceHooks["onChange"];
  allowCallbackHosts?: readonly string[];
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

/**
 * The prefix SignalWire's Signing Keys are seen with (in its SDKs' test fixtures and users'
 * configuration); their length and alphabet are not documented, so the rest is the sandbox's.
 */
const SIGNING_KEY_PREFIX = "PSK_";

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
  /**
   * The Signing Keys, by Project ID, apart from everything else: they are needed in clear to
   * sign, so they stay in this private field, which no dump or inspection of the state shows.
   */
  readonly #signingKeys = new Map<string, string>();
  readonly #options: StateOptions;

  /** @internal Built by the sandbox; left out of the published declarations, with its `Ajv`. */
  constructor(
    ajv: Ajv,
    readonly now: () => number,
    options: StateOptions = {},
  ) {
    this.#options = options;
    const { Sid, Participant } = bundle.components.schemas;
    if (!Sid || !Participant) throw new Error("The spec lacks the Sid or Participant schema");
    this.#isSid = ajv.compile(Sid);
    this.#validateParticipant = ajv.compile(Participant);
    this.participantFields = Object.keys(Participant.properties ?? {}).filter((f) => !DERIVED.has(f));
  }

  /** Adds an account; without arguments, with a new Project ID, a random token and a random Signing Key. */
  addAccount(account: Partial<SandboxAccount> = {}): SandboxAccount {
    const projectId = account.projectId ?? randomUUID();
    const apiToken = account.apiToken ?? `PT${randomBytes(24).toString("hex")}`;
    const signingKey = account.signingKey ?? `${SIGNING_KEY_PREFIX}${randomBytes(24).toString("hex")}`;
    this.#checkSid("addAccount", "projectId", projectId);
    if (typeof apiToken !== "string" || apiToken === "")
      throw new TypeError("addAccount: apiToken must be a non-empty string");
    if (typeof signingKey !== "string" || signingKey === "")
      throw new TypeError("addAccount: signingKey must be a non-empty string");
    if (this.#accounts.has(projectId))
      throw new Error(`addAccount: an account with Project ID ${projectId} already exists`);
    this.#accounts.set(projectId, { projectId, tokenDigest: digest(apiToken), conferences: new Map() });
    this.#signingKeys.set(projectId, signingKey);
    return { projectId, apiToken, signingKey };
  }

  /** The `X-SignalWire-Signature` of a callback of this account (the key never leaves the state). */
  signCallback(projectId: string, url: string, fields: readonly (readonly [string, string])[]): string {
    const key = this.#signingKeys.get(projectId);
    if (key === undefined) throw new Error(`signCallback: there is no account ${projectId}`);
    return signCallback(key, url, fields);
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
    const subscription = parseSubscription("addConference", options, this.#options.allowCallbackHosts ?? []);
    const { onChange } = this.#options;
    const hooks = onChange && { now: this.now, onChange };
    const friendlyName = options.friendlyName ?? `Conference ${sid}`;
    account.conferences.set(sid, new Conference(sid, projectId, friendlyName, status, hooks, subscription));
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

  /** Mutes or unmutes, holds or unholds a participant, as an update over the API would. */
  updateParticipant(
    projectId: string,
    conferenceSid: string,
    callSid: string,
    changes: ParticipantChanges,
  ): Participant {
    const conference = this.#conference("updateParticipant", projectId, conferenceSid);
    const unknown = Object.keys(changes).filter((f) => f !== "muted" && f !== "hold");
    if (unknown.length > 0)
      throw new TypeError(`updateParticipant: ${unknown.join(", ")} cannot be changed; change muted or hold`);
    for (const [field, value] of Object.entries(changes)) {
      if (typeof value !== "boolean")
        throw new TypeError(`updateParticipant: ${field} must be true or false, got ${String(value)}`);
    }
    if (conference.status === "completed") {
      throw new Error(`updateParticipant: conference ${conferenceSid} has completed and can no longer be changed`);
    }
    if (!conference.get(callSid)) {
      throw new Error(`updateParticipant: participant ${callSid} is not in conference ${conferenceSid}`);
    }
    const updated = conference.update(callSid, { ...changes, date_updated: formatRfc2822(this.now()) });
    return renderParticipant(updated, CANONICAL_PREFIX);
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
