/** Formats a time as the API writes dates: RFC 2822 in UTC, e.g. `Fri, 27 Nov 2026 09:04:00 +0000`. */
export function formatRfc2822(ms: number): string {
  // toUTCString is RFC 7231's IMF-fixdate, which differs from RFC 2822 only in the zone name.
  return new Date(ms).toUTCString().replace(/GMT$/, "+0000");
}
