import { createAjv } from "@laml/spec";
import { describeValidationErrors } from "../describe-validation-errors.js";

/** The faults: answer 429 (with `Retry-After`), answer 503, or drop the connection unanswered. */
export const FAULT_KINDS = ["429", "503", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The largest latency and `Retry-After` a setting may ask for, shared with the CLI's checks. */
export const FAULT_LIMITS = { latencyMs: 600_000, retryAfterSeconds: 86_400 };

/** What to inject. Everything is off unless set. */
export interface FaultSettings {
  /** The share of requests, from 0 to 1, that get each fault; at most 1 in all. */
  share?: Partial<Record<FaultKind, number>>;
  /** Faults for the next requests, one each, in order, before `share` applies again. */
  next?: FaultKind[];
  /** Milliseconds to wait before handling each request. */
  latencyMs?: number;
  /** The `Retry-After` of a 429, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Only requests with these methods are affected (default: every method). */
  methods?: string[];
  /** Makes the `share` draws repeatable. */
  seed?: number;
}

/** What happens to one request. */
export interface FaultDecision {
  latencyMs: number;
  fault: FaultKind | undefined;
}

/** The JSON Schema of `FaultSettings`, which the options, the CLI and the admin API share. */
const SETTINGS_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    share: {
      type: "object",
      additionalProperties: false,
      properties: Object.fromEntries(FAULT_KINDS.map((k) => [k, { type: "number", minimum: 0, maximum: 1 }])),
    },
    next: { type: "array", items: { enum: FAULT_KINDS }, maxItems: 10_000 },
    latencyMs: { type: "integer", minimum: 0, maximum: FAULT_LIMITS.latencyMs },
    retryAfterSeconds: { type: "integer", minimum: 0, maximum: FAULT_LIMITS.retryAfterSeconds },
    methods: { type: "array", items: { type: "string", pattern: "^[A-Z]+$" } },
    seed: { type: "integer" },
  },
};

const validateSettings = createAjv().compile(SETTINGS_SCHEMA);

/** Decides which requests get which fault: off by default, changed at any time. */
export class FaultInjector {
  #settings: FaultSettings = {};
  #queue: FaultKind[] = [];
  #random: () => number = Math.random;
  readonly #injected = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;

  constructor(settings: FaultSettings = {}) {
    this.set(settings);
  }

  /** Replaces the settings (the counts in `injected` carry on). */
  set(settings: FaultSettings): void {
    const copy = structuredClone(settings);
    if (!validateSettings(copy)) {
      const problems = describeValidationErrors(validateSettings.errors ?? [], copy as Record<string, unknown>, {
        noun: "fault setting",
        known: Object.keys(SETTINGS_SCHEMA.properties),
      });
      throw new TypeError(`Invalid fault settings: ${problems}`);
    }
    const total = FAULT_KINDS.reduce((sum, k) => sum + (copy.share?.[k] ?? 0), 0);
    if (total > 1) throw new TypeError(`Invalid fault settings: the shares add up to ${total}, more than 1`);
    this.#settings = copy;
    this.#queue = [...(copy.next ?? [])];
    this.#random = copy.seed === undefined ? Math.random : mulberry32(copy.seed);
  }

  /** Queues faults for the next requests, one each, after any already queued. */
  next(...kinds: FaultKind[]): void {
    const unknown = kinds.filter((k) => !FAULT_KINDS.includes(k));
    if (unknown.length > 0) throw new TypeError(`Unknown fault ${unknown.join(", ")}; use ${FAULT_KINDS.join(", ")}`);
    this.#queue.push(...kinds);
  }

  /** Turns every fault off. */
  clear(): void {
    this.set({});
  }

  /** The current settings; `next` holds the faults still queued. */
  get settings(): FaultSettings {
    const { next: _, ...rest } = structuredClone(this.#settings);
    return this.#queue.length > 0 ? { ...rest, next: [...this.#queue] } : rest;
  }

  /** How many faults of each kind were injected so far. */
  get injected(): Readonly<Record<FaultKind, number>> {
    return { ...this.#injected };
  }

  /** Decides the fate of one request. */
  decide(method: string): FaultDecision {
    const { methods, share, latencyMs = 0 } = this.#settings;
    if (methods && !methods.includes(method)) return { latencyMs: 0, fault: undefined };
    let fault = this.#queue.shift();
    if (fault === undefined && share) {
      // One draw in [0, 1) lands in one kind's band, or past them all (no fault).
      const draw = this.#random();
      let edge = 0;
      fault = FAULT_KINDS.find((k) => {
        edge += share[k] ?? 0;
        return draw < edge;
      });
    }
    if (fault) this.#injected[fault]++;
    return { latencyMs, fault };
  }

  /** The `Retry-After` a 429 carries, in seconds. */
  get retryAfterSeconds(): number {
    return this.#settings.retryAfterSeconds ?? 1;
  }
}

/** A small seeded PRNG, so a seeded fault run repeats exactly. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
