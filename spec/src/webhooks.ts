import { bundle } from "./bundle.js";
import { readWebhooks, type SpecWebhook } from "./read-webhooks.js";

/** Every webhook of the spec (the requests the API sends to your server), in spec order. */
export const webhooks: readonly SpecWebhook[] = Object.freeze(readWebhooks(bundle));
