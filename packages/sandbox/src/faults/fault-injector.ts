import { FaultPicker, type PickerSettings, pickerSchemaProperties } from "./fault-picker.js";

/** The faults: answer 429 (with `Retry-After`), answer 503, or drop the connection unanswered. */
export const FAULT_KINDS = ["429", "503", "drop"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The largest latency and `Retry-After` a setting may ask for, shared with the CLI's checks. */
export const FAULT_LIMITS = { latencyMs: 600_000, retryAfterSeconds: 86_400 };

/** What to inject. Everything is off unless set. */
export interface FaultSettings extends PickerSettings<FaultKind> {
  /** Milliseconds to wait before handling each request. */
  latencyMs?: number;
  /** The `Retry-After` of a 429, in seconds (default 1). */
  retryAfterSeconds?: number;
  /** Only requests with these methods are affected (default: every method). */
  methods?: string[];
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
    ...pickerSchemaProperties(FAULT_KINDS),
    latencyMs: { type: "integer", minimum: 0, maximum: FAULT_LIMITS.latencyMs },
    retryAfterSeconds: { type: "integer", minimum: 0, maximum: FAULT_LIMITS.retryAfterSeconds },
    methods: { type: "array", items: { type: "string", pattern: "^[A-Z]+$" } },
  },
};

/** Decides which requests get which fault: off by default, changed at any time. */
export class FaultInjector extends FaultPicker<FaultKind, FaultSettings> {
  constructor(settings: FaultSettings = {}) {
    super(FAULT_KINDS, SETTINGS_SCHEMA, "fault setting", settings);
  }

  /** Decides the fate of one request. */
  decide(method: string): FaultDecision {
    const { methods, latencyMs = 0 } = this.current;
    if (methods && !methods.includes(method)) return { latencyMs: 0, fault: undefined };
    return { latencyMs, fault: this.pick() };
  }

  /** The `Retry-After` a 429 carries, in seconds. */
  get retryAfterSeconds(): number {
    return this.current.retryAfterSeconds ?? 1;
  }
}
