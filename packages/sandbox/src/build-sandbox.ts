import { createAjv } from "@laml/spec";
import type { FastifyInstance } from "fastify";
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
  /** The time, in ms since the epoch, for `date_created` and `date_updated` (default `Date.now`). */
  clock?: () => number;
  /** The one origin (e.g. `http://localhost:5173`) whose web pages may call the API; any by default. */
  corsOrigin?: string;
  /** Called with every response the sandbox gives. */
  onResponse?: (exchange: SandboxExchange) => void;
  /** Called with one line per request. */
  log?: (line: string) => void;
}

/** The parts of a sandbox before it listens: the HTTP app, its state and its faults. */
export interface BuiltSandbox {
  app: FastifyInstance;
  state: SandboxState;
  faults: FaultInjector;
}

/** Wires the state, the fault injector and the HTTP app together. */
export function buildSandbox(options: BuildOptions = {}): BuiltSandbox {
  // The validator fills in the spec's defaults (`PageSize`, `Page`) as it checks a request.
  const ajv = createAjv({ useDefaults: true });
  const state = new SandboxState(ajv, options.clock ?? Date.now);
  if (options.seed) applySeed(state, options.seed, ajv);
  const faults = new FaultInjector(options.faults);
  const app = createApp({
    state,
    faults,
    ajv,
    corsOrigin: options.corsOrigin,
    ...(options.onResponse && { onResponse: options.onResponse }),
    ...(options.log && { log: options.log }),
  });
  return { app, state, faults };
}
