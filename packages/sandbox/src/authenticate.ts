import { ErrorCode, LamlError } from "./laml-error.js";
import type { SandboxState } from "./sandbox-state.js";

/** Asks HTTP clients (curl, browsers) to send Basic credentials after a 401. */
const CHALLENGE = { "www-authenticate": 'Basic realm="LaML sandbox", charset="UTF-8"' };

/**
 * Checks the HTTP Basic credentials of a request (Project ID as the user name, API token as the
 * password) and returns the Project ID, or throws 401 (code 20003). The messages never repeat
 * what was sent.
 */
export function authenticate(state: SandboxState, authorization: string | undefined): string {
  const [scheme, encoded] = authorization?.trim().split(/\s+/) ?? [];
  if (scheme?.toLowerCase() !== "basic" || !encoded) {
    throw new LamlError(
      401,
      ErrorCode.authentication,
      "Authentication failed: send HTTP Basic credentials, your Project ID as the user name and an API token as the password",
      CHALLENGE,
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
      CHALLENGE,
    );
  }
  return projectId;
}
