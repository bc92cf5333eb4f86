import { bundle, HTTP_METHODS } from "@laml/spec";

/**
 * The spec as the docs page shows it. Redoc renders a webhook's payload examples but not its
 * `x-codeSamples`, so each webhook's samples are appended to its description as fenced code,
 * under their label: a reader sees how to handle the request next to what it carries.
 * Operations are left as they are; Redoc shows their samples in its own panel.
 */
export function docsSpec() {
  const spec = structuredClone(bundle);
  for (const item of Object.values(spec.webhooks ?? {})) {
    for (const method of HTTP_METHODS) {
      const webhook = item[method];
      if (!webhook?.["x-codeSamples"]?.length) continue;
      const blocks = webhook["x-codeSamples"].map(
        ({ lang, label, source }) => `### ${label ?? lang}\n\n\`\`\`${lang.toLowerCase()}\n${source.trimEnd()}\n\`\`\``,
      );
      webhook.description = [webhook.description?.trimEnd(), ...blocks].filter(Boolean).join("\n\n");
    }
  }
  return spec;
}
