import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from "fastify";
import type { SandboxState } from "../state/sandbox-state.js";
import { ErrorCode, LamlError } from "./laml-error.js";

/**
 * Asks HTTP clients (curl) to send Basic credentials after a 401, when a request sent none. A
 * request that sent some gets no challenge: a browser would hold it for a login prompt until it
 * times out rather than hand the script its 401.
 */
const CHALLENGE = { "www-authenticate": 'Basic realm="LaML sandbox", charset="UTF-8"' };

/** Where the hook leaves the Project ID a request authenticated as. */
const PROJECT_ID = Symbol("authenticated Project ID");
type AuthenticatedRequest = FastifyRequest & { [PROJECT_ID]?: string };

/**
 * The hook that checks the HTTP Basic credentials of a request (Project ID as the user name, API
 * token as the password) and keeps the Project ID for `projectIdOf`, or answers 401.
 */
export function authenticate(app: FastifyInstance, state: SandboxState): preHandlerHookHandler {
  // Declared on the context's requests, so that setting it keeps their shape (and V8's caches).
  app.decorateRequest(PROJECT_ID, undefined);
  return (request, _reply, done) => {
    try {
      (request as AuthenticatedRequest)[PROJECT_ID] = checkCredentials(state, request.headers.authorization);
    } catch (error) {
      return done(error as LamlError);
    }
    done();
  };
}

/** The Project ID the `authenticate` hook found for this request. */
export function projectIdOf(request: FastifyRequest): string {
  const projectId = (request as AuthenticatedRequest)[PROJECT_ID];
  if (projectId === undefined) throw new Error("projectIdOf: the route has no authenticate hook");
  return projectId;
}

/**
 * Returns the Project ID of valid credentials, or throws 401 (code 20003). The messages never
 * repeat what was sent.
 */
function checkCredentials(state: SandboxState, authorization: string | undefined): string {
  const [scheme, encoded] = authorization?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() !== "basic" || !encoded) {
    throw new LamlError(
      401,
      ErrorCode.authentication,
      "Authentication failed: send HTTP Basic credentials, your Project ID as the user name and an API token as the password",
      authorization?.trim() ? {} : CHALLENGE,
    );
  }
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const projectId = colon === -1 ? decoded : decoded.slice(0, colon);
  const apiToken = colon === -1 ? "" : decoded.slice(colon + 1);
  if (!state.authenticate(projectId, apiToken)) {
    throw new LamlError(
      401,
      ErrorCode.authentication,
      "Authentication failed: the Project ID or the API token is wrong",
    );
  }
  return projectId;
}
