/** The `Authorization` header value for HTTP Basic auth; UTF-8 safe, unlike a bare `btoa`. */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
