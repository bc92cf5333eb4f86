/** The media types the sandbox reads and writes. */
export const MEDIA_TYPES = {
  /** The update's body, as the spec and the API take it. */
  form: "application/x-www-form-urlencoded",
  /** Also accepted for the update's body, and for the admin API's settings. */
  json: "application/json",
  /** Every JSON answer, errors included. */
  jsonAnswer: "application/json; charset=utf-8",
} as const;
