import { isIP } from "node:net";

/**
 * Checks a status callback URL: absolute, http or https, and on this machine (127.0.0.0/8, ::1
 * or localhost) unless its host is one the user allowed. A sandbox takes URLs from whoever can
 * reach it; left open, it could be made to post to any host on the network.
 */
export function checkCallbackUrl(text: string, allowedHosts: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`statusCallback must be an absolute http or https URL, got ${text}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`statusCallback must be an http or https URL, got ${url.protocol} in ${text}`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (isLoopback(host) || allowedHosts.some((allowed) => allowed.toLowerCase() === host)) return url;
  throw new TypeError(
    `statusCallback ${url.origin} is not on this machine: the sandbox only calls back to 127.0.0.0/8, ::1 and localhost, ` +
      `so that it cannot be made to post to arbitrary hosts. To allow ${host}, start the sandbox with ` +
      `allowCallbackHosts: ["${host}"] (CLI: --allow-callback-host ${host}).`,
  );
}

// The URL parser has already normalised the host (`127.1` is `127.0.0.1`, IPv6 is compressed).
function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return isIP(host) === 4 && host.startsWith("127.");
}
