import { describe, expect, test } from "vitest";
import { bundle } from "../src/bundle.js";
import type { OpenApiDocument } from "../src/openapi-document.js";
import { readWebhooks } from "../src/read-webhooks.js";
import { webhooks } from "../src/webhooks.js";

const form = { type: "object", properties: { ConferenceSid: { type: "string" } } };
const fixture = {
  webhooks: {
    statusCallback: {
      parameters: [{ name: "X-Signature", in: "header", required: true, schema: { type: "string" } }],
      post: {
        operationId: "statusCallback",
        summary: "A status changed",
        requestBody: { required: true, content: { "application/x-www-form-urlencoded": { schema: form } } },
        responses: { "200": { description: "Received." } },
      },
    },
  },
} as unknown as OpenApiDocument;

describe("readWebhooks", () => {
  test("gives each webhook's name, method, body schema per media type and headers", () => {
    const [hook, ...rest] = readWebhooks(fixture);
    expect(rest).toEqual([]);
    expect(hook).toMatchObject({
      name: "statusCallback",
      method: "POST",
      operationId: "statusCallback",
      summary: "A status changed",
      requestBody: { required: true, content: { "application/x-www-form-urlencoded": form } },
      headerParameters: [{ name: "X-Signature", in: "header" }],
      responses: { "200": { description: "Received." } },
    });
    expect(hook?.raw).toBe(fixture.webhooks?.statusCallback?.post);
  });

  test("a document without webhooks has none", () => {
    expect(readWebhooks({} as OpenApiDocument)).toEqual([]);
  });
});

test("webhooks lists every entry of the spec's webhooks", () => {
  const names = Object.keys(bundle.webhooks ?? {});
  expect([...new Set(webhooks.map((w) => w.name))]).toEqual(names);
});
