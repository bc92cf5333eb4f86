import { bundle, readWebhooks } from "@laml/spec";

/**
 * The spec as the docs page shows it. Redoc renders a webhook's payload examples but not its
 * `x-codeSamples`, so each webhook's samples are appended to its description as fenced code,
 * under their label: a reader sees how to handle the request next to what it carries.
 * Operations are left as they are; Redoc shows their samples in its own panel.
 */
export function docsSpec() {
  const spec = structuredClone(bundle);
  // Each webhook's `raw` is the clone's own operation object, so the description is set on the clone.
  for (const { raw, codeSamples } of readWebhooks(spec)) {
    if (codeSamples.length === 0) continue;
    const blocks = codeSamples.map(
      ({ lang, label, source }) => `### ${label ?? lang}\n\n\`\`\`${lang.toLowerCase()}\n${source.trimEnd()}\n\`\`\``,
    );
    raw.description = [raw.description?.trimEnd(), ...blocks].filter(Boolean).join("\n\n");
  }
  return spec;
}
