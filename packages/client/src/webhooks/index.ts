// @laml/client/webhooks: verify and parse SignalWire's signed callbacks. A separate entry point,
// so the REST client's bundle carries none of it.
export type { ConferenceEventName, ConferenceStatusCallback } from "@laml/types";
export { computeLamlSignature } from "./compute-laml-signature.js";
export type { ConferenceEvent } from "./conference-event.js";
export { LamlSignatureError } from "./laml-signature-error.js";
export { type ParseConferenceEventOptions, parseConferenceEvent } from "./parse-conference-event.js";
export type { SignatureParams } from "./signature-params.js";
export { verifyLamlSignature } from "./verify-laml-signature.js";
