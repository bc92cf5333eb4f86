// The one place the roster takes its event type from: @laml/client/webhooks' parsed callback.
export type { ConferenceEvent } from "../../test/roster/conference-event.js";
