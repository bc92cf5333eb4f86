import { FAULT_LIMITS } from "../faults/fault-injector.js";
import { FaultPicker, type PickerSettings, pickerSchemaProperties } from "../faults/fault-picker.js";

/** What can go wrong with a callback: it is never sent, or it is sent twice. */
export const CALLBACK_FAULT_KINDS = ["drop", "duplicate"] as const;
export type CallbackFaultKind = (typeof CALLBACK_FAULT_KINDS)[number];

/** Which callbacks go wrong (`share`, `next`, `seed` as for request faults), and how late they are. */
export interface CallbackFaultSettings extends PickerSettings<CallbackFaultKind> {
  /** Milliseconds to wait before sending each callback (later ones of its conference wait too). */
  delayMs?: number;
}

/** The JSON Schema of `CallbackFaultSettings`, which the options, the CLI and the admin API share. */
const SETTINGS_SCHEMA = {
  type: "object",
  additionalProperties: false,
  properties: {
    ...pickerSchemaProperties(CALLBACK_FAULT_KINDS),
    delayMs: { type: "integer", minimum: 0, maximum: FAULT_LIMITS.latencyMs },
  },
};

/** Decides which callbacks are dropped or duplicated, and delays them: off by default. */
export class CallbackFaultInjector extends FaultPicker<CallbackFaultKind, CallbackFaultSettings> {
  constructor(settings: CallbackFaultSettings = {}) {
    super(CALLBACK_FAULT_KINDS, SETTINGS_SCHEMA, "callback fault setting", settings);
  }

  /** The fault for one callback, decided when it is queued, so a seeded run repeats in event order. */
  decide(): CallbackFaultKind | undefined {
    return this.pick();
  }

  /** The delay before each callback, in ms. */
  get delayMs(): number {
    return this.current.delayMs ?? 0;
  }
}
