import { LamlClientError } from "../errors/laml-client-error.js";

/**
 * Checks that a SID is one safe path segment. SignalWire's SIDs are UUIDs; letters, digits and
 * `-` also admit other formats while ruling out `..`, `/` and percent-encoded escapes.
 */
export function assertSid(name: string, value: unknown): string {
  if (typeof value === "string" && /^[\dA-Za-z-]+$/.test(value)) return value;
  throw new LamlClientError(
    `Invalid ${name} ${JSON.stringify(value)}: a SID (a UUID) is letters, digits and '-' only.`,
  );
}
