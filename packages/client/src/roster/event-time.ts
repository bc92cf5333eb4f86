/**
 * A callback's `Timestamp` or a participant's `date_updated` (RFC 2822) in ms. Without a readable
 * one, nothing can be ordered by it: NaN compares as neither older nor newer, so the event
 * applies in arrival order.
 */
export const eventTime = (rfc2822: string | undefined): number => (rfc2822 ? Date.parse(rfc2822) : Number.NaN);
