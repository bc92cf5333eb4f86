import { LamlClientError } from "../errors/laml-client-error.js";

/** Where the client sends requests: the origin credentials are bound to, and the API root under it. */
export interface ApiRoot {
  origin: string;
  apiRoot: string;
}

/**
 * Turns `example.signalwire.com`, `https://example.signalwire.com` or the API root itself (the
 * origin followed by the spec's base path, which the API's own URIs start with) into the origin
 * and the API root. Plain http is refused except on loopback, so the token never crosses a
 * network unencrypted.
 */
export function resolveApiRoot(spaceUrl: string): ApiRoot {
  let url: URL | undefined;
  try {
    url = new URL(spaceUrl.includes("://") ? spaceUrl : `https://${spaceUrl}`);
  } catch {}
  // The whole URL is the origin, maybe followed by the API path: no credentials, query or
  // fragment, which `href` would show. The input is not echoed: it may carry credentials.
  const root = url && url.origin + __LAML_API_BASE_PATH__;
  if (!url || ![`${url.origin}/`, root, `${root}/`].includes(url.href)) {
    throw new LamlClientError(
      "Invalid spaceUrl: expected a host like example.signalwire.com or its URL, without credentials.",
    );
  }
  if (!/^(https:|http:\/\/(localhost|127(\.\d+){3}|\[::1\])(:|$))/.test(url.origin)) {
    throw new LamlClientError(`spaceUrl ${url.origin} must use https (http is only for localhost)`);
  }
  return { origin: url.origin, apiRoot: url.origin + __LAML_API_BASE_PATH__ };
}
