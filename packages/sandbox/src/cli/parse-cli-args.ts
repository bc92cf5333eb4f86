import { parseArgs } from "node:util";
import { SANDBOX_EVENT_WORDS } from "../callbacks/callback-events.js";
import type { CallbackFaultSettings } from "../callbacks/callback-fault-injector.js";
import type { StatusCallbackOptions } from "../callbacks/parse-subscription.js";
import { FAULT_LIMITS, type FaultSettings } from "../faults/fault-injector.js";

/** What the `laml-sandbox` command was asked to do. */
export interface CliOptions {
  help: boolean;
  port: number;
  host: string;
  seedFile: string | undefined;
  /** Serve the demo account (the default when no seed file is given) and print the quick start. */
  demo: boolean;
  quiet: boolean;
  faults: FaultSettings;
  callbackFaults: CallbackFaultSettings;
  /** The demo conference's status callback settings (none unless `--status-callback`). */
  subscription: StatusCallbackOptions;
  allowCallbackHosts: string[];
  /** Make the demo conference move on its own, with this seed; undefined without `--live`. */
  liveSeed: number | undefined;
  /** Where the docs are served, when they are (`pnpm start` runs them beside the sandbox). */
  docsUrl: string | undefined;
  /** The one origin whose web pages may call the API; any when undefined. */
  corsOrigin: string | undefined;
}

/** The seed of `--live` without `--live-seed`: a fixed one, so two runs show the same moves. */
const DEFAULT_LIVE_SEED = 1;

/** The port the quick start documents. */
const DEFAULT_PORT = 4010;

/** The command's help text. */
export const USAGE = `Usage: laml-sandbox [options]

A local LaML Conference Participants server, checked against the spec.

Options:
  --port <n>          port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>    interface to listen on (default: 127.0.0.1)
  --seed <file.json>  start with the accounts in this file instead of the demo account
  --demo              serve the demo account (also with --seed) and print the quick start
  --fault-429 <share> answer this share of requests (0 to 1) with 429 and Retry-After
  --fault-503 <share> answer this share of requests with 503
  --fault-drop <share> drop the connection of this share of requests
  --latency <ms>      wait this long before answering each request
  --retry-after <s>   the Retry-After of an injected 429 (default: 1)
  --status-callback <url>
                      send the demo conference's status callbacks to this URL (loopback only)
  --status-callback-event <words>
                      the events to send, space-separated (default: "${SANDBOX_EVENT_WORDS.join(" ")}")
  --status-callback-method <POST|GET>
                      how to send them (default: POST)
  --allow-callback-host <host>
                      let callbacks go to this host too (repeatable); only loopback otherwise
  --callback-drop <share>
                      drop this share of callbacks (0 to 1): never sent
  --callback-duplicate <share>
                      send this share of callbacks twice
  --callback-delay <ms>
                      wait this long before sending each callback
  --callback-seed <n> make the callback fault draws repeatable
  --live              make the demo conference move on its own: joins, leaves, mutes, holds
  --live-seed <n>     the seed of --live's moves (default: ${DEFAULT_LIVE_SEED}); implies --live
  --docs-url <url>    print this as where the docs are (pnpm start passes the docs app's)
  --cors-origin <origin> let only web pages of this origin call the API (default: any origin)
  --quiet             do not log requests
  --help              show this text`;

/** Reads the command line (and `PORT`); throws a message for the user on bad input. */
export function parseCliArgs(args: string[], env: Record<string, string | undefined>): CliOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      help: { type: "boolean", short: "h" },
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      demo: { type: "boolean" },
      quiet: { type: "boolean" },
      "fault-429": { type: "string" },
      "fault-503": { type: "string" },
      "fault-drop": { type: "string" },
      latency: { type: "string" },
      "retry-after": { type: "string" },
      "status-callback": { type: "string" },
      "status-callback-event": { type: "string" },
      "status-callback-method": { type: "string" },
      "allow-callback-host": { type: "string", multiple: true },
      "callback-drop": { type: "string" },
      "callback-duplicate": { type: "string" },
      "callback-delay": { type: "string" },
      "callback-seed": { type: "string" },
      live: { type: "boolean" },
      "live-seed": { type: "string" },
      "cors-origin": { type: "string" },
      "docs-url": { type: "string" },
    },
  });
  const share = (flag: "fault-429" | "fault-503" | "fault-drop" | "callback-drop" | "callback-duplicate") => {
    const text = values[flag];
    return text === undefined ? undefined : number(`--${flag}`, text, 0, 1, false);
  };
  const faults: FaultSettings = {};
  const shares = { 429: share("fault-429"), 503: share("fault-503"), drop: share("fault-drop") };
  if (Object.values(shares).some((s) => s !== undefined)) {
    faults.share = Object.fromEntries(Object.entries(shares).filter(([, s]) => s !== undefined));
  }
  if (values.latency !== undefined) {
    faults.latencyMs = number("--latency", values.latency, 0, FAULT_LIMITS.latencyMs, true);
  }
  if (values["retry-after"] !== undefined) {
    faults.retryAfterSeconds = number("--retry-after", values["retry-after"], 0, FAULT_LIMITS.retryAfterSeconds, true);
  }
  const callbackFaults: CallbackFaultSettings = {};
  const callbackShares = {
    drop: share("callback-drop"),
    duplicate: share("callback-duplicate"),
  };
  if (Object.values(callbackShares).some((s) => s !== undefined)) {
    callbackFaults.share = Object.fromEntries(Object.entries(callbackShares).filter(([, s]) => s !== undefined));
  }
  if (values["callback-delay"] !== undefined) {
    callbackFaults.delayMs = number("--callback-delay", values["callback-delay"], 0, FAULT_LIMITS.latencyMs, true);
  }
  if (values["callback-seed"] !== undefined) {
    callbackFaults.seed = number("--callback-seed", values["callback-seed"], 0, 2 ** 32 - 1, true);
  }
  const method = values["status-callback-method"]?.toUpperCase();
  if (method !== undefined && method !== "POST" && method !== "GET") {
    throw new Error(`--status-callback-method must be POST or GET, got ${values["status-callback-method"]}`);
  }
  if (values["status-callback"] === undefined && (values["status-callback-event"] ?? method) !== undefined) {
    throw new Error("--status-callback-event and --status-callback-method need --status-callback <url>");
  }
  const subscription: StatusCallbackOptions = {};
  if (values["status-callback"] !== undefined) {
    subscription.statusCallback = values["status-callback"];
    subscription.statusCallbackEvent = values["status-callback-event"] ?? SANDBOX_EVENT_WORDS.join(" ");
    if (method) subscription.statusCallbackMethod = method;
  }
  const live = values.live === true || values["live-seed"] !== undefined;
  const liveSeed =
    values["live-seed"] === undefined
      ? DEFAULT_LIVE_SEED
      : number("--live-seed", values["live-seed"], 0, 2 ** 32 - 1, true);
  const port = values.port ?? env.PORT;
  return {
    help: values.help ?? false,
    port: port === undefined ? DEFAULT_PORT : number(values.port ? "--port" : "PORT", port, 0, 65_535, true),
    host: values.host ?? "127.0.0.1",
    seedFile: values.seed,
    // The demo conference is what --status-callback and --live act on.
    demo: values.demo ?? (values.seed === undefined || live || subscription.statusCallback !== undefined),
    quiet: values.quiet ?? false,
    faults,
    callbackFaults,
    subscription,
    allowCallbackHosts: values["allow-callback-host"] ?? [],
    liveSeed: live ? liveSeed : undefined,
    docsUrl: values["docs-url"],
    corsOrigin: values["cors-origin"] === undefined ? undefined : origin(values["cors-origin"]),
  };
}

/** An origin as browsers send it in `Origin`: scheme, host and port only. */
function origin(text: string): string {
  const parsed = URL.canParse(text) ? new URL(text).origin : "null";
  if (parsed !== text) {
    throw new Error(
      `--cors-origin must be an origin such as http://localhost:5173 (no path, no trailing /), got ${text}`,
    );
  }
  return parsed;
}

function number(name: string, text: string, min: number, max: number, integer: boolean): number {
  const value = Number(text);
  if (
    text.trim() === "" ||
    !Number.isFinite(value) ||
    value < min ||
    value > max ||
    (integer && !Number.isInteger(value))
  ) {
    throw new Error(`${name} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got ${text}`);
  }
  return value;
}
