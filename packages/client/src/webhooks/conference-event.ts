import type { ConferenceStatusCallback } from "@laml/types";

/**
 * A verified conference status callback: the spec's fields under their wire names, booleans and
 * integers decoded; fields the spec does not know are kept, as the text that was sent.
 */
export type ConferenceEvent = ConferenceStatusCallback & { readonly [field: string]: unknown };
