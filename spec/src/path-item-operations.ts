import { HTTP_METHODS, type HttpMethod, type OperationObject, type PathItemObject } from "./openapi-document.js";

/** One operation of a path item, beside the item (for its path-level parameters) and its key. */
export interface PathItemOperation {
  /** The path template under `paths:`, or the webhook's name under `webhooks:`. */
  key: string;
  item: PathItemObject;
  /** Upper case, as on the wire. */
  method: Uppercase<HttpMethod>;
  raw: OperationObject;
}

const methods: ReadonlySet<string> = new Set(HTTP_METHODS);

/** Each operation of `paths:` or `webhooks:`, in the order the spec lists items and, in each, methods. */
export function* pathItemOperations(items: Record<string, PathItemObject> = {}): Generator<PathItemOperation> {
  for (const [key, item] of Object.entries(items)) {
    for (const [field, raw] of Object.entries(item)) {
      if (!methods.has(field)) continue;
      yield { key, item, method: field.toUpperCase() as Uppercase<HttpMethod>, raw: raw as OperationObject };
    }
  }
}
