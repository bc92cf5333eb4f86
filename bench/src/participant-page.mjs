import { specFacts } from "./spec-facts.mjs";

/** @import { Participant, ParticipantPage } from "@laml/types" */

/**
 * @typedef {object} PageRequest
 * @property {string} collectionPath The request's path, e.g. `/api/laml/2010-04-01/Accounts/{A}/Conferences/{C}/Participants.json`.
 * @property {string} accountSid
 * @property {string} conferenceSid
 * @property {number} total How many participants the conference has.
 * @property {number} pageSize
 * @property {number} page Zero-based page index.
 */

/** `path` without the URI suffix (`.json`) it may have been requested with. */
function withoutSuffix(/** @type {string} */ path) {
  return path.endsWith(specFacts.uriSuffix) ? path.slice(0, -specFacts.uriSuffix.length) : path;
}

/** A deterministic, valid UUID for the participant at `index`, so every run sends the same bytes. */
function callSidAt(/** @type {number} */ index) {
  return `00000000-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

/**
 * One page of a conference's participants as the API sends it: each participant is the spec's
 * example with its own identifiers, and the page URIs carry `PageToken` as the real API does.
 * @param {PageRequest} request
 * @returns {ParticipantPage}
 */
export function participantPage({ collectionPath, accountSid, conferenceSid, total, pageSize, page }) {
  const start = page * pageSize;
  const end = Math.min(total, start + pageSize);
  /** @type {Participant[]} */
  const participants = [];
  for (let index = start; index < end; index++) {
    const callSid = callSidAt(index);
    participants.push({
      ...specFacts.exampleParticipant,
      account_sid: accountSid,
      conference_sid: conferenceSid,
      call_sid: callSid,
      muted: index % 2 === 0,
      uri: `${withoutSuffix(collectionPath)}/${callSid}${specFacts.uriSuffix}`,
    });
  }
  const uri = (/** @type {number} */ at, token = "") =>
    `${collectionPath}?PageSize=${pageSize}&Page=${at}${token && `&PageToken=${token}`}`;
  return {
    uri: uri(page),
    first_page_uri: uri(0),
    next_page_uri: end < total ? uri(page + 1, `PA${callSidAt(end - 1)}`) : null,
    previous_page_uri: page > 0 ? uri(page - 1, `PB${callSidAt(start)}`) : null,
    page,
    page_size: pageSize,
    participants,
  };
}
