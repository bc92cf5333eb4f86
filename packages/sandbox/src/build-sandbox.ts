import { apiBasePath, createAjv } from "@laml/spec";
import type { FastifyInstance } from "fastify";
import { CallbackDispatcher } from "./callbacks/callback-dispatcher.js";
import { CallbackFaultInjector, type CallbackFaultSettings } from "./callbacks/callback-fault-injector.js";
import { FaultInjector, type FaultSettings } from "./faults/fault-injector.js";
import { createApp, type SandboxExchange } from "./http/create-app.js";
import { applySeed, type SandboxSeed } from "./state/apply-seed.js";
import { SandboxState } from "./state/sandbox-state.js";

/** What a sandbox starts with and how it reports. */
export interface BuildOptions {
  /** Accounts, conferences and participants to start with. */
  seed?: SandboxSeed;
  /** Faults to inject from the start (none by default). */
  faults?: FaultSettings;
  /** Callback faults to inject from the start (none by default). */
  callbackFaults?: CallbackFaultSettings;
  /**
   * Hosts besides this machine (127.0.0.0/8, ::1, localhost) that status callbacks may go to.
   * None by default: a sandbox must not be made to post to arbitrary hosts.
   */
  allowCallbackHosts?: readonly string[];
  /** How long to wait for a callback target's answer, in ms (default 5000). */
  callbackTimeoutMs?: number;
  /** The time, in ms since the epoch, for `date_created` and `date_updated` (default `Date.now`). */
  clock?: () => number;
  /** The one origin (e.g. `http://localhost:5173`) whose web pages may call the API; any by default. */
  corsOrigin?: string;
  /** Called with every response the sandbox gives. */
  onResponse?: (exchange: SandboxExchange) => void;
  /** Called with one line per request and per callback. */
  log?: (line: string) => void;
}

/** The parts of a sandbox before it listens: the HTTP app, its state and its faults. */
export interface BuiltSandbox {
  app: FastifyInstance;
  state: SandboxState;
  faults: FaultInjector;
  callbacks: CallbackDispatcher;
}

/** The default callback timeout: SignalWire does not document its own. */
const CALLBACK_TIMEOUT_MS = 5000;

/** Wires the state, the callbacks, the fault injector and the HTTP app together. */
export function buildSandbox(options: BuildOptions = {}): BuiltSandbox {
  // The validator fills in the spec's defaults (`PageSize`, `Page`) as it checks a request.
  const ajv = createAjv({ useDefaults: true });
  const now = options.clock ?? Date.now;
  // Each refers to the other; neither calls the other before both exist.
  const state: SandboxState = new SandboxState(ajv, now, {
    onChange: (conference, change) => callbacks.onChange(conference, change),
    allowCallbackHosts: options.allowCallbackHosts ?? [],
  });
  const callbacks = new CallbackDispatcher({
    faults: new CallbackFaultInjector(options.callbackFaults),
    sign: (projectId, url, fields) => state.signCallback(projectId, url, fields),
    // The version is the base path's last segment, as in `/api/laml/2010-04-01`.
    apiVersion: apiBasePath.split("/").pop() ?? "",
    now,
    timeoutMs: options.callbackTimeoutMs ?? CALLBACK_TIMEOUT_MS,
    ...(options.log && { log: options.log }),
  });
  if (options.seed) applySeed(state, options.seed, ajv);
  const faults = new FaultInjector(options.faults);
  const app = createApp({
    state,
    faults,
    callbackFaults: callbacks.options.faults,
    ajv,
    corsOrigin: options.corsOrigin,
    ...(options.onResponse && { onResponse: options.onResponse }),
    ...(options.log && { log: options.log }),
  });
  return { app, state, faults, callbacks };
}
