import type { ConferenceEvent } from "./conference-event.js";

// The callback's fields that are not text, and their types, read at build time from the spec's
// ConferenceStatusCallback schema (see build-constants.ts).
const FIELD_TYPES: Readonly<Record<string, "boolean" | "integer" | "number">> = JSON.parse(
  __LAML_CONFERENCE_EVENT_FIELD_TYPES__,
);

function decode(name: string, text: string, type: "boolean" | "integer" | "number"): boolean | number {
  const lower = text.trim().toLowerCase();
  // Leniently, like the wire: `true`, `True` and `TRUE` are all sent by Twilio-derived stacks.
  if (type === "boolean" && (lower === "true" || lower === "false")) return lower === "true";
  if (type === "integer" && /^[+-]?\d+$/.test(lower)) return Number(lower);
  if (type === "number" && lower !== "" && Number.isFinite(Number(lower))) return Number(lower);
  throw new TypeError(
    `The callback's ${name} is ${JSON.stringify(text.slice(0, 40))}, which is not the ${type} the spec's ConferenceStatusCallback describes. Its signature was valid, so SignalWire sent a value laml does not know: please report it.`,
  );
}

/**
 * The fields of a verified callback form, under their wire names: the spec's booleans and
 * integers decoded, other fields as sent. A typed field sent empty is left out, as if absent;
 * of a repeated field, the first value is kept.
 */
export function decodeConferenceEvent(form: URLSearchParams): ConferenceEvent {
  const fields = new Map<string, unknown>();
  for (const [name, text] of form) {
    if (fields.has(name)) continue;
    const type = Object.hasOwn(FIELD_TYPES, name) ? FIELD_TYPES[name] : undefined;
    if (type === undefined) fields.set(name, text);
    else if (text.trim() !== "") fields.set(name, decode(name, text, type));
  }
  // fromEntries defines own properties, so a field named `__proto__` stays a field.
  return Object.fromEntries(fields) as ConferenceEvent;
}
