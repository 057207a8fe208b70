const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400 };

/** Seconds in a duration written as `<integer><s|m|h|d>` ("15m", "30d"), or undefined when malformed. */
export function parseDurationSeconds(value: string): number | undefined {
  const match = /^(\d+)\s*([smhd])$/.exec(value.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2]] ?? Number.NaN);
  return Number.isSafeInteger(seconds) && seconds > 0 ? seconds : undefined;
}
