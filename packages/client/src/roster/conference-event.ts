// The callback the roster takes: what @laml/client/webhooks' parseConferenceEvent() returns.
export type { ConferenceEvent } from "../webhooks/conference-event.js";
