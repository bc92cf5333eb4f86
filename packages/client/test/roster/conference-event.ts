// A stand-in for @laml/client/webhooks' ConferenceEvent until that entry lands: the fields the
// roster reads, under their wire names, as parseConferenceEvent returns them.
export interface ConferenceEvent {
  StatusCallbackEvent: string;
  ConferenceSid: string;
  CallSid?: string;
  AccountSid?: string;
  Muted?: boolean;
  Hold?: boolean;
  Timestamp?: string;
  [field: string]: unknown;
}
