import type { LamlErrorBody } from "@laml/types";

/**
 * The SignalWire error codes the sandbox answers with, by what they mean. Each is one of the
 * spec's `errorCodes` (test/spec-facts.test.ts checks), and test/contract.ts checks that every
 * error the tests provoke carries a code the spec lists for its status.
 */
export const ErrorCode = {
  invalidArgument: 10000,
  coaching: 16002,
  methodNotAllowed: 20004,
  authentication: 20003,
  notFound: 20404,
  tooManyRequests: 20429,
  unavailable: 20504,
  invalidPageToken: 21481,
} as const;

/** Where every error body's `more_info` points, as in the spec's examples. */
const MORE_INFO = "https://signalwire.com/docs/compatibility-api/rest/error-codes";

/** An error the sandbox answers with a LaML error body. */
export class LamlError extends Error {
  /** @param status the HTTP status, @param code the SignalWire error code */
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "LamlError";
  }

  /** The `{ code, message, more_info, status }` body. */
  toBody(): LamlErrorBody {
    return { code: this.code, message: this.message, more_info: MORE_INFO, status: this.status };
  }
}
