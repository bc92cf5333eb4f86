import { parseArgs } from "node:util";
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
  /** Where the docs are served, when they are (`pnpm start` runs them beside the sandbox). */
  docsUrl: string | undefined;
  /** The one origin whose web pages may call the API; any when undefined. */
  corsOrigin: string | undefined;
}

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
      "cors-origin": { type: "string" },
      "docs-url": { type: "string" },
    },
  });
  const share = (flag: "fault-429" | "fault-503" | "fault-drop") => {
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
  const port = values.port ?? env.PORT;
  return {
    help: values.help ?? false,
    port: port === undefined ? DEFAULT_PORT : number(values.port ? "--port" : "PORT", port, 0, 65_535, true),
    host: values.host ?? "127.0.0.1",
    seedFile: values.seed,
    demo: values.demo ?? values.seed === undefined,
    quiet: values.quiet ?? false,
    faults,
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
