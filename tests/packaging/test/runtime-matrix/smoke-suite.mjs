// The one smoke suite every runtime of the matrix runs (Node, Bun, Deno, Chromium), as a user's
// program would: plain ESM that uses @laml/client, as installed from its tarball, and nothing but
// web-standard APIs, so the same file loads in each. The test that drives it
// (runtime-matrix.test.ts) starts the sandboxes and seeds the conference; every request goes to them.
import { createLamlClient, LamlApiError } from "@laml/client";

/**
 * What the suite needs to know: where the sandboxes are, the credentials, and the conference the
 * test seeded (its participants in listing order; which of them are muted and on hold).
 * @typedef {object} SmokeConfig
 * @property {string} spaceUrl a sandbox's origin
 * @property {string} slowSpaceUrl a sandbox that answers only after much longer than `timeoutMs`
 * @property {string} projectId
 * @property {string} apiToken
 * @property {string} conferenceSid
 * @property {string[]} callSids every participant, in listing order
 * @property {string[]} mutedCallSids
 * @property {string[]} heldCallSids
 * @property {number} pageSize smaller than the conference, so that listing takes several pages
 * @property {string} missingCallSid a SID no participant has
 * @property {number} timeoutMs the timeout of the call to the slow sandbox
 * @property {string} flakySpaceUrl a sandbox set to answer its next request with a 503 and to
 *   drop the connection of the one after, unanswered
 * @property {number} notFoundCode the LaML error code of a 404, as the spec lists it
 * @property {number} serviceUnavailableCode the LaML error code of a 503, as the spec lists it
 */

/**
 * A check's result; `observed` says which of the outcomes a check allows this runtime had.
 * @typedef {{ name: string, ok: true, observed?: string } | { name: string, ok: false, error: string }} CheckResult
 */

/**
 * The check whose outcome differs by runtime: Node rejects a request whose reused keep-alive
 * connection dropped unanswered; others may send it again by themselves, beneath the client.
 */
export const RESEND_CHECK = "reports whether the runtime resent a request whose reused connection dropped";

/** What `RESEND_CHECK` observes: the runtime sent the request again, or rejected it. */
export const RESEND_OUTCOMES = { resent: "resent by the runtime", rejected: "rejected with a TypeError" };

/** Throws, saying what was expected and what came, unless both are the same JSON. */
function expectSame(/** @type {string} */ what, /** @type {unknown} */ actual, /** @type {unknown} */ expected) {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/** Every item an async iterable yields. */
async function collect(/** @type {AsyncIterable<any>} */ iterable) {
  const items = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** The error `promise` rejects with; throws when it resolves. */
async function rejection(/** @type {string} */ what, /** @type {Promise<unknown>} */ promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error(`${what} resolved; it should have rejected`);
}

/** A description of an error for a report: its class, name and message. */
function describe(/** @type {unknown} */ error) {
  if (!(error instanceof Error)) return String(error);
  return `${error.constructor.name} ${error.name}: ${error.message}`;
}

/** Throws unless `error` is a LamlApiError (by class, not only by name) with this status and code. */
function expectApiError(/** @type {unknown} */ error, /** @type {number} */ status, /** @type {number} */ code) {
  if (!(error instanceof LamlApiError)) throw new Error(`expected a LamlApiError, got ${describe(error)}`);
  expectSame("status and code", [error.status, error.code], [status, code]);
}

/**
 * A request a check makes of the sandbox at `spaceUrl`: the spec operation it calls (its
 * `operationId`, which the test looks up in the spec, so a renamed operation fails it) and, for
 * one participant's operations, the participant's CallSid.
 * @typedef {[operationId: string, callSid?: string]} SmokeRequest
 */

/** The listing requests of `count` participants, `pageSize` to a page: one per page, and one for none. */
function listing(/** @type {SmokeConfig} */ config, /** @type {number} */ count) {
  /** @type {SmokeRequest} */
  const list = ["listParticipants"];
  return Array.from({ length: Math.max(1, Math.ceil(count / config.pageSize)) }, () => list);
}

/**
 * A check that lists the participants matching `filter` and expects exactly `expected`, in order.
 * @param {string} what the participants it expects, for the error
 * @param {import("@laml/types").ListParticipantsQuery} filter the query, as the spec types it
 * @param {(config: SmokeConfig) => string[]} expected
 */
function filtered(what, filter, expected) {
  return {
    requests: (/** @type {SmokeConfig} */ config) => listing(config, expected(config).length),
    run: async (/** @type {SmokeConfig} */ config, /** @type {import("@laml/client").LamlClient} */ laml) => {
      const listed = await collect(
        laml.participants.list(config.conferenceSid, { ...filter, PageSize: config.pageSize }),
      );
      expectSame(
        `${what} call_sids`,
        listed.map((participant) => participant.call_sid),
        expected(config),
      );
    },
  };
}

/**
 * The checks, in the order they run: those that read come before those that change the
 * conference. Each says which requests it makes of the sandbox at `spaceUrl`, in order, so that
 * the test can check every runtime sent exactly those (the slow and flaky sandboxes' are not counted).
 * @type {Record<string, {
 *   requests: (config: SmokeConfig) => SmokeRequest[],
 *   run: (config: SmokeConfig, laml: import("@laml/client").LamlClient) => Promise<string | void>,
 * }>}
 */
const CHECKS = {
  "lists every participant across pages": {
    requests: (config) => [...listing(config, config.callSids.length), ...listing(config, config.callSids.length)],
    run: async (config, laml) => {
      const pages = await collect(laml.participants.pages(config.conferenceSid, { PageSize: config.pageSize }));
      const expectedPages = Math.ceil(config.callSids.length / config.pageSize);
      expectSame("pages", pages.length, expectedPages);
      expectSame(
        "page numbers",
        pages.map((page) => page.page),
        [...Array(expectedPages).keys()],
      );
      const listed = await collect(laml.participants.list(config.conferenceSid, { PageSize: config.pageSize }));
      expectSame(
        "listed call_sids",
        listed.map((participant) => participant.call_sid),
        config.callSids,
      );
    },
  },
  "filters by Muted": filtered("muted", { Muted: true }, (config) => config.mutedCallSids),
  "filters by Hold": filtered("held", { Hold: true }, (config) => config.heldCallSids),
  "gets one participant": {
    requests: (config) => [["getParticipant", String(config.mutedCallSids[0])]],
    run: async (config, laml) => {
      const callSid = String(config.mutedCallSids[0]);
      const participant = await laml.participants.get(config.conferenceSid, callSid);
      expectSame(
        "participant",
        [participant.call_sid, participant.conference_sid, participant.muted],
        [callSid, config.conferenceSid, true],
      );
    },
  },
  "updates a participant": {
    requests: (config) => [
      ["updateParticipant", String(config.mutedCallSids[0])],
      ["getParticipant", String(config.mutedCallSids[0])],
    ],
    run: async (config, laml) => {
      const callSid = String(config.mutedCallSids[0]);
      const updated = await laml.participants.update(config.conferenceSid, callSid, { Muted: false, Hold: true });
      expectSame("updated muted and hold", [updated.muted, updated.hold], [false, true]);
      const read = await laml.participants.get(config.conferenceSid, callSid);
      expectSame("muted and hold read back", [read.muted, read.hold], [false, true]);
    },
  },
  "removes a participant": {
    requests: (config) => [
      ["deleteParticipant", String(config.callSids.at(-1))],
      ["getParticipant", String(config.callSids.at(-1))],
      ...listing(config, config.callSids.length - 1),
    ],
    run: async (config, laml) => {
      const callSid = String(config.callSids.at(-1));
      await laml.participants.remove(config.conferenceSid, callSid);
      expectApiError(
        await rejection("get after remove", laml.participants.get(config.conferenceSid, callSid)),
        404,
        config.notFoundCode,
      );
      const listed = await collect(laml.participants.list(config.conferenceSid, { PageSize: config.pageSize }));
      expectSame(
        "call_sids after remove",
        listed.map((participant) => participant.call_sid),
        config.callSids.slice(0, -1),
      );
    },
  },
  "rejects a missing participant with a LamlApiError 404": {
    requests: (config) => [["getParticipant", config.missingCallSid]],
    run: async (config, laml) => {
      const error = await rejection(
        "get of a missing participant",
        laml.participants.get(config.conferenceSid, config.missingCallSid),
      );
      expectApiError(error, 404, config.notFoundCode);
    },
  },
  "rejects a call slower than timeoutMs with a TimeoutError": {
    requests: () => [],
    run: async (config) => {
      const slow = createLamlClient({ ...credentials(config), spaceUrl: config.slowSpaceUrl });
      const started = Date.now();
      const call = slow.participants.get(config.conferenceSid, config.missingCallSid, {
        timeoutMs: config.timeoutMs,
        maxRetries: 0,
      });
      const error = await rejection("a call to the slow sandbox", call);
      const message = error instanceof Error ? error.message : "";
      if (
        !(error instanceof Error) ||
        error.name !== "TimeoutError" ||
        !message.includes(`timed out after ${config.timeoutMs} ms`)
      ) {
        throw new Error(`expected a TimeoutError "timed out after ${config.timeoutMs} ms", got ${describe(error)}`);
      }
      // The sandbox's latency is far longer: an answer this late means the timeout did not cut it short.
      const elapsed = Date.now() - started;
      if (elapsed > config.timeoutMs * 20) throw new Error(`the call took ${elapsed} ms to time out`);
    },
  },
  // Runtimes differ here, so the check reports which of the two outcomes this one had.
  [RESEND_CHECK]: {
    requests: () => [],
    run: async (config) => {
      const flaky = createLamlClient({ ...credentials(config), spaceUrl: config.flakySpaceUrl, maxRetries: 0 });
      const get = () => flaky.participants.get(config.conferenceSid, config.missingCallSid);
      // The 503 is answered and leaves the connection open for the next request to reuse.
      expectApiError(await rejection("the first call to the flaky sandbox", get()), 503, config.serviceUnavailableCode);
      const error = await rejection("the second call to the flaky sandbox", get());
      if (error instanceof TypeError) return RESEND_OUTCOMES.rejected;
      // Only a request sent again reaches the sandbox's answer: the participant is missing.
      expectApiError(error, 404, config.notFoundCode);
      return RESEND_OUTCOMES.resent;
    },
  },
};

/** The names of the checks, in the order they run; the test expects a result for each. */
export const CHECK_NAMES = Object.keys(CHECKS);

/**
 * The requests the whole suite makes of the sandbox at `spaceUrl`, in the order it makes them.
 * @param {SmokeConfig} config
 * @returns {SmokeRequest[]}
 */
export function expectedRequests(config) {
  return Object.values(CHECKS).flatMap((check) => check.requests(config));
}

/** The client options the suite passes: all of them, so no runtime's environment is read. */
function credentials(/** @type {SmokeConfig} */ config) {
  return { spaceUrl: config.spaceUrl, projectId: config.projectId, apiToken: config.apiToken };
}

/**
 * Runs every check against the sandbox and resolves to each one's result; a failed check is
 * reported with its error and the next one still runs.
 * @param {SmokeConfig} config
 * @returns {Promise<CheckResult[]>}
 */
export async function runSmokeSuite(config) {
  const laml = createLamlClient(credentials(config));
  /** @type {CheckResult[]} */
  const results = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      const observed = await check.run(config, laml);
      results.push(observed === undefined ? { name, ok: true } : { name, ok: true, observed });
    } catch (error) {
      results.push({ name, ok: false, error: describe(error) });
    }
  }
  return results;
}
