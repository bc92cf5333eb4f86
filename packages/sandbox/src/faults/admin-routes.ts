import { isIP } from "node:net";
import type { FastifyInstance, FastifyPluginCallback, FastifyRequest } from "fastify";
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
 * (faults, authentication) never reach it; it takes no credentials, the sandbox being a local tool. So it answers no cross-origin
 * request and no preflight: a web page the developer happens to visit must not reconfigure their
 * sandbox.
 */
export const adminRoutes: FastifyPluginCallback<{
  faults: FaultInjector;
  callbackFaults: CallbackFaultInjector;
}> = (app, { faults, callbackFaults }, done) => {
  app.addHook("onRequest", (request, _reply, next) => {
    const refusal = crossOriginRefusal(request);
    next(refusal === undefined ? undefined : new LamlError(403, ErrorCode.invalidArgument, refusal));
  });
  app.options(`${ADMIN_PREFIX}/*`, async () => {
    throw new LamlError(
      403,
      ErrorCode.invalidArgument,
      "The admin API answers no CORS preflight: call it without an Origin header",
    );
  });
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

/**
 * Why a request may not reach the admin API, if it may not: it comes from a web page of another
 * origin, or names a host that is neither an IP address nor `localhost` (a page on a domain
 * re-pointed at 127.0.0.1 would otherwise count as the sandbox's own origin).
 */
function crossOriginRefusal(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  const host = request.headers.host ?? "";
  const hostname = host.replace(/:\d+$/, "").replace(/^\[(.*)\]$/, "$1");
  if (origin !== undefined && origin !== `http://${host}`) {
    return `The admin API answers no cross-origin request (Origin ${origin.slice(0, 100)}), so that a web page cannot reconfigure the sandbox; call it from a test or a tool, without an Origin header`;
  }
  if (isIP(hostname) === 0 && hostname !== "localhost") {
    return `The admin API answers only requests to an IP address or localhost, not to ${hostname.slice(0, 100)}`;
  }
  return undefined;
}
