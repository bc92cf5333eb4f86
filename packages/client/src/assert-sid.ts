import { LamlClientError } from "./laml-client-error.js";

/**
 * Checks that a SID is one safe path segment. SignalWire's SIDs are UUIDs; letters, digits and
 * `-` also admit other formats while ruling out `..`, `/` and percent-encoded escapes.
 */
export function assertSid(name: string, value: unknown): string {
  if (typeof value === "string" && /^[\dA-Za-z-]+$/.test(value)) return value;
  throw new LamlClientError(
    `Invalid ${name} ${JSON.stringify(value)}: a SID is letters, digits and '-' only (e.g. 8a2f9c61-3b0e-4f5d-9c47-1d2e3f4a5b6c).`,
  );
}
