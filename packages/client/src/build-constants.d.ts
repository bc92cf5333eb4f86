/** The package's version, replaced at build time from package.json (see build-constants.ts). */
declare const __LAML_CLIENT_VERSION__: string;
/** The largest `PageSize` the API takes, replaced at build time from the spec (see build-constants.ts). */
declare const __LAML_PAGE_SIZE_MAX__: number;
/** The path every operation lives under (the spec's server URL's path), replaced at build time from the spec. */
declare const __LAML_API_BASE_PATH__: string;
/** SignalWire's error code of a 404 (the participant, conference or account is not there), replaced at build time from the spec's error codes. */
declare const __LAML_NOT_FOUND_CODE__: number;
/**
 * The update fields the spec marks `x-laml-idempotent: true` as a JSON array of names, replaced at
 * build time from the spec (see build-constants.ts).
 */
declare const __LAML_IDEMPOTENT_UPDATE_FIELDS__: string;
/**
 * The conference status callback's non-text fields and their types (`{"Muted":"boolean",…}`) as
 * JSON, replaced at build time from the spec's webhook schema (see build-constants.ts).
 */
declare const __LAML_CONFERENCE_EVENT_FIELD_TYPES__: string;
