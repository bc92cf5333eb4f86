import type { FastifyPluginCallback } from "fastify";
import { ErrorCode, LamlError } from "../http/laml-error.js";
import { MEDIA_TYPES } from "../http/media-types.js";
import type { FaultInjector, FaultSettings } from "./fault-injector.js";

/** Where the admin API lives. */
export const ADMIN_PREFIX = "/__sandbox";

/**
 * The admin API, for tests and tools outside the sandbox's process: read, replace or clear the
 * fault settings at `/__sandbox/faults`. An encapsulated plugin beside the API's, so the API's
 * hooks (faults, authentication) never reach it; it takes no credentials, the sandbox being a
 * local tool.
 */
export const adminRoutes: FastifyPluginCallback<{ faults: FaultInjector }> = (app, { faults }, done) => {
  // A body of another media type is set aside, so the answer can say what to send.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, next) => next(null, undefined));
  const report = () => ({ settings: faults.settings, injected: faults.injected });
  app.get(`${ADMIN_PREFIX}/faults`, async () => report());
  app.put(`${ADMIN_PREFIX}/faults`, async (request) => {
    const body = request.body;
    const isJsonObject = request.headers["content-type"]?.startsWith(MEDIA_TYPES.json) && typeof body === "object";
    if (!isJsonObject || body === null || Array.isArray(body)) {
      throw new LamlError(
        400,
        ErrorCode.invalidArgument,
        `Send the fault settings as a JSON object (Content-Type: ${MEDIA_TYPES.json})`,
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
  done();
};
