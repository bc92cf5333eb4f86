/** The query string of `url` as fields, read as text: `URL` would normalise the signed bytes. */
export function queryOf(url: string): URLSearchParams {
  return new URLSearchParams(url.split("#", 1)[0]?.split("?").slice(1).join("?"));
}
