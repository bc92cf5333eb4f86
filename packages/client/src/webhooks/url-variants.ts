const DEFAULT_PORTS: Readonly<Record<string, string>> = { "http:": "80", "https:": "443" };

// scheme, `//`, optional userinfo, host (a bracketed IPv6 address or a name), optional port, the
// rest. Split as text, not with `URL`, which would re-encode characters and so change the bytes
// that were signed.
const PARTS = /^([a-z][a-z\d+.-]*:)\/\/([^/?#@]*@)?(\[[^\]/?#]*\]|[^/?#:]*)(?::(\d*))?(.*)$/is;

/**
 * The URLs a signature may have been computed over: `url` itself and, for http and https, the
 * same URL with the scheme's default port added (`:443`, `:80`) when it has none, or removed
 * when it has it. Signers differ on whether the default port is part of the signed URL.
 */
export function urlVariants(url: string): string[] {
  const [, scheme = "", userinfo = "", host, port, rest] = PARTS.exec(url) ?? [];
  const standard = DEFAULT_PORTS[scheme.toLowerCase()];
  if (!standard || host === undefined) return [url];
  const origin = `${scheme}//${userinfo}${host}`;
  if (port === undefined) return [url, `${origin}:${standard}${rest}`];
  if (port === standard) return [url, `${origin}${rest}`];
  return [url];
}
