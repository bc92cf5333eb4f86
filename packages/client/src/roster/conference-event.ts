// The callback the roster takes: the spec's decoded form fields. @laml/client/webhooks'
// parseConferenceEvent() returns this type (plus any unknown fields it kept).
export type { ConferenceStatusCallback as ConferenceEvent } from "@laml/types";
