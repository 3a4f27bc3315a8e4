// Bounded integer query parameters: a lab URL typed by hand can never ask for an unbounded loop.

/** `name` from the query as an integer clamped to [min, max], or `fallback` when absent or not a number. */
export function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** `name` as a boolean flag: present with 1/true/yes (or empty) means true. */
export function flagParam(query: URLSearchParams, name: string): boolean {
  const raw = query.get(name);
  return raw !== null && ['', '1', 'true', 'yes'].includes(raw.toLowerCase());
}
