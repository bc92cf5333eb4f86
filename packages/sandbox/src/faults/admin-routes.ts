import type { FastifyInstance, FastifyPluginCallback } from "fastify";
import type { CallbackFaultInjector } from "../callbacks/callback-fault-injector.js";
import { ErrorCode, LamlError } from "../http/laml-error.js";
import { MEDIA_TYPES } from "../http/media-types.js";
import type { FaultInjector } from "./fault-injector.js";

/** Where the admin API lives. */
export const ADMIN_PREFIX = "/__sandbox";

/** What the admin API changes: a fault injector's settings. */
interface Adjustable<Settings> {
  readonly settings: Settings;
  readonly injected: Readonly<Record<string, number>>;
  set(settings: Settings): void;
  clear(): void;
}

/**
 * The admin API, for tests and tools outside the sandbox's process: read, replace or clear the
 * request fault settings at `/__sandbox/faults` and the callback fault settings at
 * `/__sandbox/callback-faults`. An encapsulated plugin beside the API's, so the API's hooks
 * (faults, authentication) never reach it; it takes no credentials, the sandbox being a local tool.
 */
export const adminRoutes: FastifyPluginCallback<{
  faults: FaultInjector;
  callbackFaults: CallbackFaultInjector;
}> = (app, { faults, callbackFaults }, done) => {
  // A body of another media type is set aside, so the answer can say what to send.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, _body, next) => next(null, undefined));
  settingsRoutes(app, `${ADMIN_PREFIX}/faults`, "fault settings", faults);
  settingsRoutes(app, `${ADMIN_PREFIX}/callback-faults`, "callback fault settings", callbackFaults);
  done();
};

function settingsRoutes<Settings>(app: FastifyInstance, url: string, what: string, injector: Adjustable<Settings>) {
  const report = () => ({ settings: injector.settings, injected: injector.injected });
  app.get(url, async () => report());
  app.put(url, async (request) => {
    const body = request.body;
    const isJsonObject = request.headers["content-type"]?.startsWith(MEDIA_TYPES.json) && typeof body === "object";
    if (!isJsonObject || body === null || Array.isArray(body)) {
      throw new LamlError(
        400,
        ErrorCode.invalidArgument,
        `Send the ${what} as a JSON object (Content-Type: ${MEDIA_TYPES.json})`,
      );
    }
    try {
      injector.set(body as Settings);
    } catch (error) {
      throw new LamlError(400, ErrorCode.invalidArgument, (error as Error).message);
    }
    return report();
  });
  app.delete(url, async () => {
    injector.clear();
    return report();
  });
}
