/** One response the sandbox gave, as `onResponse` observers see it. */
export interface SandboxExchange {
  method: string;
  /** The request's path and query, as sent. */
  url: string;
  /** The spec operation that answered; undefined for unknown routes, wrong methods and admin routes. */
  operationId: string | undefined;
  status: number;
  headers: Record<string, unknown>;
  /** The response body as sent (empty for 204). */
  body: string;
  /** Whether the answer is an injected fault. */
  injected: boolean;
}
