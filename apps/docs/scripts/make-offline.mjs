import { createHash } from "node:crypto";

/** An SVG image as a `data:` URL, so it renders without a request. */
const svg = (/** @type {string} */ body, /** @type {number} */ width) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
      `<text x="1" y="12.5" font-family="system-ui,sans-serif" font-size="12" font-weight="600" fill="#5c6b80">${body}</text></svg>`,
  )}`;

/**
 * Every address the inlined Redoc (3.0.1, from @redocly/cli 2.77.0) can load something from,
 * with what replaces it. `data:,` is an empty document: an image or mask that points at it
 * simply does not render, and nothing leaves the page.
 */
const REMOTE_ASSETS = [
  // The "API docs by" attribution in the sidebar footer loads Redocly's logo from its CDN.
  { url: "https://cdn.redoc.ly/redoc/logo-mini-full.svg", replacement: svg("Redocly", 56) },
  { url: "https://cdn.redoc.ly/redoc/logo-mini.svg", replacement: svg("R", 12) },
  // Named icons (Font Awesome, code-language logos) come from Redocly's CDN; this page names none.
  { url: "https://cdn.redocly.com/icons/fa/7.0.0", replacement: "data:," },
  { url: "https://cdn.redocly.com/icons/code/5.24.0", replacement: "data:," },
  // The telemetry collector: telemetry is off in redocly.yaml, and now it has nowhere to go.
  { url: "https://otel.cloud.redocly.com/v1/traces", replacement: "data:," },
];

/**
 * Redoc's search probes whether it may run FlexSearch in a worker by compiling FlexSearch's
 * source with `Function()`. The policy below forbids eval, so the probe would fail anyway (and
 * report a violation); answering "no" up front keeps search on the main thread, which is
 * instant for a spec of a few operations.
 */
const SEARCH_WORKER_PROBE = /try\{return \w+\._factory\?\?=Function\(\w+\),!0\}catch\{return!1\}/g;

/**
 * Hosts that remain in Redoc's script and are never fetched: links (Redoc's attribution, the
 * "open in ChatGPT/Claude" page actions, documentation links in error messages), XML
 * namespaces, placeholder examples, and OpenTelemetry's default `localhost:4318` exporter,
 * which the collector address above replaces. Reviewed for Redoc 3.0.1; a new host fails the
 * build so that an upgrade gets the same review.
 */
const LINK_ONLY_HOSTS = new Set([
  "www.w3.org",
  "redocly.com",
  "github.com",
  "react.dev",
  "reactrouter.com",
  "yarnpkg.com",
  "en.wikipedia.org",
  "commonmark.org",
  "chatgpt.com",
  "claude.ai",
  "example.com",
  "localhost",
]);

/** Where build-docs' template starts the API description inside the module script. */
const DEFINITION_MARKER = "const __redoc_definition";

/** Markup that loads a resource from another host: tags with a remote source, CSS urls, imports. */
const REMOTE_LOADS = [
  /<(?:script|img|iframe|frame|source|video|audio|track|embed|input)\b[^>]*\s(?:src|srcset|poster)\s*=\s*["']?\s*(?:https?:)?\/\/[^>]*>/gi,
  /<(?:link|image|use)\b[^>]*\s(?:xlink:)?href\s*=\s*["']?\s*(?:https?:)?\/\/[^>]*>/gi,
  /<object\b[^>]*\sdata\s*=\s*["']?\s*(?:https?:)?\/\/[^>]*>/gi,
  /url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi,
  /@import\b[^;]*/gi,
];

/** The inline `<script>` elements of a page: where each starts and ends, its tag and its text. */
function inlineScripts(/** @type {string} */ html) {
  const scripts = [];
  const open = /<script\b[^>]*>/gi;
  for (let match = open.exec(html); match; match = open.exec(html)) {
    const start = match.index + match[0].length;
    const end = html.indexOf("</script>", start);
    if (end < 0) throw new Error(`unterminated <script> at offset ${match.index}`);
    scripts.push({ tag: match[0], from: match.index, to: end + "</script>".length, text: html.slice(start, end) });
    open.lastIndex = end;
  }
  return scripts;
}

/** Throws when the page would still reach another host; names what and where. */
function assertNothingRemote(/** @type {string} */ html) {
  const scripts = inlineScripts(html);
  const problems = [];
  for (const script of scripts) {
    if (/\ssrc\s*=/i.test(script.tag)) problems.push(`a script loaded from elsewhere: ${script.tag}`);
  }
  const runtime = scripts.find((script) => script.text.includes(DEFINITION_MARKER));
  if (!runtime)
    throw new Error(`Redoc's module script ("${DEFINITION_MARKER}") is missing: did build-docs' template change?`);
  // Only Redoc's own code is checked host by host; the API description's links are content.
  const code = runtime.text.slice(0, runtime.text.indexOf(DEFINITION_MARKER));
  const unknownHosts = new Set();
  for (const [, host] of code.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) {
    if (!LINK_ONLY_HOSTS.has(String(host).toLowerCase())) unknownHosts.add(host);
  }
  for (const host of unknownHosts) {
    problems.push(`Redoc's script names a host not reviewed as link-only: ${host} (see LINK_ONLY_HOSTS)`);
  }
  let markup = "";
  let at = 0;
  for (const script of scripts) {
    markup += html.slice(at, script.from);
    at = script.to;
  }
  markup += html.slice(at);
  for (const pattern of REMOTE_LOADS) {
    for (const [found] of markup.matchAll(pattern))
      problems.push(`markup loads from another host: ${found.slice(0, 160)}`);
  }
  if (problems.length > 0) throw new Error(`the docs page would not work offline:\n- ${problems.join("\n- ")}`);
}

/**
 * A Content-Security-Policy that lets the page load nothing from anywhere else, even if a
 * remote address slipped through: its own inline scripts by hash, inline styles (Redoc's
 * styled-components writes them at run time), images and fonts from itself or `data:`.
 */
function contentSecurityPolicy(/** @type {string} */ html) {
  const hashes = inlineScripts(html).map(
    (script) => `'sha256-${createHash("sha256").update(script.text, "utf8").digest("base64")}'`,
  );
  return [
    "default-src 'none'",
    `script-src ${hashes.join(" ")}`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * Rewrites the page build-docs wrote so that it works with no request to any host but the one
 * serving it: replaces every remote asset address, turns off the eval-based search worker
 * probe, checks that nothing remote is left, and adds a Content-Security-Policy that allows
 * only the page itself.
 */
export function makeOffline(/** @type {string} */ html) {
  let page = html;
  for (const { url, replacement } of REMOTE_ASSETS) {
    if (!page.includes(url)) {
      throw new Error(`Redoc no longer references ${url}: review REMOTE_ASSETS against the new Redoc version`);
    }
    page = page.replaceAll(url, replacement);
  }
  const probes = page.match(SEARCH_WORKER_PROBE)?.length ?? 0;
  if (probes !== 1)
    throw new Error(`expected Redoc's search worker probe once, found it ${probes} times: review SEARCH_WORKER_PROBE`);
  page = page.replace(SEARCH_WORKER_PROBE, "return!1");
  assertNothingRemote(page);
  const head = page.indexOf("<head>");
  if (head < 0) throw new Error("the page has no <head> to put the Content-Security-Policy in");
  const meta =
    `\n  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}" />` +
    `\n  <meta name="referrer" content="no-referrer" />`;
  const at = head + "<head>".length;
  return page.slice(0, at) + meta + page.slice(at);
}
