import { bundle, readWebhooks, webhooks } from "@laml/spec";
import { describe, expect, test } from "vitest";
import { docsSpec } from "../scripts/docs-spec.mjs";

describe("the spec as the docs show it", () => {
  // Taken first: `webhooks` below reads the bundle itself, so only a copy shows a change to it.
  const before = structuredClone(bundle);
  const spec = docsSpec();

  test("appends each webhook's code samples to its description, under their label", () => {
    expect(webhooks.some((webhook) => webhook.codeSamples.length > 0)).toBe(true);
    const shown = readWebhooks(spec);
    for (const [i, webhook] of webhooks.entries()) {
      const description = String(shown[i]?.raw.description);
      expect(description.startsWith(String(webhook.raw.description).trimEnd())).toBe(true);
      for (const sample of webhook.codeSamples) {
        expect(description).toContain(`### ${sample.label ?? sample.lang}`);
        expect(description).toContain(`\`\`\`${sample.lang.toLowerCase()}\n${sample.source.trimEnd()}\n\`\`\``);
      }
    }
  });

  test("differs from the bundle in those descriptions only, and leaves the bundle as it was", () => {
    const restored = docsSpec();
    for (const [i, webhook] of readWebhooks(restored).entries()) {
      webhook.raw.description = webhooks[i]?.raw.description;
    }
    expect(restored).toEqual(bundle);
    expect(bundle).toEqual(before);
    expect(JSON.stringify(bundle)).not.toContain("```typescript");
  });
});
