import { createHash } from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { makeOffline } from "../scripts/make-offline.mjs";
import { renderRedoc } from "../scripts/render-redoc.mjs";

/** What build-docs writes before makeOffline: the real page, rendered once for these tests. */
let rendered = "";
beforeAll(async () => {
  rendered = await renderRedoc();
});

/** The Content-Security-Policy a page declares in its `<meta>`. */
function policyOf(html: string): Map<string, string[]> {
  const content = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  if (!content) throw new Error("no Content-Security-Policy meta");
  return new Map(
    content.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

/** Inserts `text` just before the module script that carries Redoc's code. */
const beforeRedoc = (html: string, text: string) =>
  html.replace('<script type="module">', `${text}<script type="module">`);

describe("makeOffline", () => {
  test("leaves no address of Redocly's CDN or telemetry in the page", () => {
    expect(rendered).toMatch(/cdn\.redoc\.ly|cdn\.redocly\.com/);
    const page = makeOffline(rendered);
    expect(page).not.toMatch(/cdn\.redoc\.ly|cdn\.redocly\.com|otel\.cloud\.redocly\.com/);
  });

  test("allows each inline script by its hash and nothing from another host", () => {
    const page = makeOffline(rendered);
    const policy = policyOf(page);
    const scripts = [...page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map(
      ([, text]) => `'sha256-${createHash("sha256").update(String(text)).digest("base64")}'`,
    );
    expect(policy.get("script-src")?.sort()).toEqual(scripts.sort());
    expect(policy.get("default-src")).toEqual(["'none'"]);
    for (const [directive, sources] of policy) {
      for (const source of sources) expect(source, directive).not.toMatch(/^(https?:|\*|[\w-]+\.[\w.-]+)/);
    }
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
  });

  test("refuses a page whose markup loads something from another host", () => {
    expect(() =>
      makeOffline(
        beforeRedoc(rendered, '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'),
      ),
    ).toThrow(/markup loads from another host: <link rel="stylesheet" href="https:\/\/fonts\.googleapis\.com/);
    expect(() =>
      makeOffline(beforeRedoc(rendered, "<style>body{background:url(//cdn.example.net/bg.png)}</style>")),
    ).toThrow(/url\(\/\/cdn\.example\.net\/bg\.png\)/);
  });

  test("refuses a Redoc script that names a host nobody reviewed", () => {
    const upgraded = rendered.replace(
      "const __redoc_definition",
      'fetch("https://cdn.new-redoc.example/x.js");\nconst __redoc_definition',
    );
    expect(() => makeOffline(upgraded)).toThrow(/host not reviewed as link-only: cdn\.new-redoc\.example/);
  });

  test("refuses a Redoc that no longer references a known asset, so an upgrade gets reviewed", () => {
    const upgraded = rendered.replaceAll(
      "https://cdn.redoc.ly/redoc/logo-mini.svg",
      "https://cdn.redoc.ly/redoc/v4/logo.svg",
    );
    expect(() => makeOffline(upgraded)).toThrow(/no longer references https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg/);
  });
});
