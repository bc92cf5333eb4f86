import type { FastifyInstance } from "fastify";
import type { FaultInjector, FaultSettings } from "./fault-injector.js";
import { ErrorCode, LamlError } from "./laml-error.js";
import { MEDIA_TYPES } from "./media-types.js";

/** Where the admin API lives; requests under it are never faulted. */
export const ADMIN_PREFIX = "/__sandbox";

/**
 * The admin API, for tests and tools outside the sandbox's process: read, replace or clear the
 * fault settings at `/__sandbox/faults`. It takes no credentials: the sandbox is a local tool.
 */
export function registerAdminRoutes(app: FastifyInstance, faults: FaultInjector): void {
  const report = () => ({ settings: faults.settings, injected: faults.injected });
  app.get(`${ADMIN_PREFIX}/faults`, async () => report());
  app.put(`${ADMIN_PREFIX}/faults`, async (request) => {
    const body = request.body;
    const isJsonObject = request.headers["content-type"]?.startsWith(MEDIA_TYPES.json) && typeof body === "object";
    if (!isJsonObject || body === null || Array.isArray(body)) {
      throw new LamlError(
        400,
        ErrorCode.invalidArgument,
        "Send the fault settings as a JSON object (Content-Type: application/json)",
      );
    }
    try {
      faults.set(body as FaultSettings);
    } catch (error) {
      throw new LamlError(400, ErrorCode.invalidArgument, (error as Error).message);
    }
    return report();
  });
  app.delete(`${ADMIN_PREFIX}/faults`, async () => {
    faults.clear();
    return report();
  });
}
