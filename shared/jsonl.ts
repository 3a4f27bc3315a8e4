// JSONL export and import of the capture: one CaptureEntry per line, the simplest lossless form
// (grep-able, streamable). Pure: main exports with it, the renderer imports with it.
import * as z from 'zod';
import type { CaptureEntry } from './capture';
import { jsonSchema } from './json';

/** Runtime shape of a CaptureEntry: every entry read from a file is checked with it (unknown keys dropped). */
export const captureEntrySchema: z.ZodType<CaptureEntry> = z.object({
  seq: z.number().int().nonnegative(),
  wallTime: z.number().finite(),
  monoTime: z.number().finite(),
  clientId: z.string(),
  page: z.string().optional(),
  connectionId: z.string(),
  kind: z.enum(['call', 'result', 'lifecycle', 'frame', 'error', 'warning', 'http']),
  name: z.string(),
  direction: z.enum(['out', 'in', 'none']),
  opcode: z.number().int().optional(),
  size: z.number().int().nonnegative(),
  payload: z.string().optional(),
  binary: z.boolean().optional(),
  truncated: z.boolean().optional(),
  errorCode: z.number().int().optional(),
  errorMessage: z.string().optional(),
  cause: z.string().optional(),
  detail: z.record(z.string(), jsonSchema).optional(),
});

/** What an import yields: the entries in seq order, and what was wrong with the input but survivable. */
export interface CaptureImport {
  entries: CaptureEntry[];
  warnings: string[];
}

/** One JSON object per line, newline-terminated, in the order given (the log's order). */
export function captureToJsonl(entries: Iterable<CaptureEntry>): string {
  let text = '';
  for (const entry of entries) text += jsonlLine(entry);
  return text;
}

/** One entry as one JSONL line, newline included (the export's and the session file's format). */
export function jsonlLine(entry: CaptureEntry): string {
  return `${JSON.stringify(canonicalEntry(entry))}\n`;
}

/**
 * The entry with its keys in one fixed order and without extras (such as a batch's `previewOnly`), so
 * the same entry always serializes to the same text whether it came from the log or from an import.
 */
export function canonicalEntry(entry: CaptureEntry): CaptureEntry {
  const { seq, wallTime, monoTime, clientId, page, connectionId, kind, name, direction, opcode, size, payload, binary, truncated, errorCode, errorMessage, cause, detail } = entry;
  const canonical: CaptureEntry = { seq, wallTime, monoTime, clientId, connectionId, kind, name, direction, size };
  // Added one by one in a fixed order (not through computed keys): every entry then shares a few object
  // shapes, which keeps this and JSON.stringify fast enough for the session writer's per-entry path.
  if (page !== undefined) canonical.page = page;
  if (opcode !== undefined) canonical.opcode = opcode;
  if (payload !== undefined) canonical.payload = payload;
  if (binary !== undefined) canonical.binary = binary;
  if (truncated !== undefined) canonical.truncated = truncated;
  if (errorCode !== undefined) canonical.errorCode = errorCode;
  if (errorMessage !== undefined) canonical.errorMessage = errorMessage;
  if (cause !== undefined) canonical.cause = cause;
  if (detail !== undefined) canonical.detail = detail;
  return canonical;
}

/** Reads JSONL; a line that is not JSON or not an entry is skipped with a warning naming its line number. */
export function jsonlToCapture(text: string): CaptureImport {
  const warnings: string[] = [];
  const entries: CaptureEntry[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      warnings.push(`line ${index + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    const parsed = captureEntrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data);
    else warnings.push(`line ${index + 1}: not a capture entry (${describeIssues(parsed.error)})`);
  });
  return { entries: orderBySeq(entries, warnings), warnings };
}

/**
 * Imported entries must be in strictly increasing seq order, as the log was; files edited by hand or
 * concatenated may not be. Sorts (stably) and drops repeated seqs, saying so in `warnings`.
 */
export function orderBySeq(entries: CaptureEntry[], warnings: string[]): CaptureEntry[] {
  const inOrder = entries.every((entry, i) => i === 0 || entry.seq > (entries[i - 1]?.seq ?? -1));
  if (inOrder) return entries;
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const unique = sorted.filter((entry, i) => i === 0 || entry.seq !== sorted[i - 1]?.seq);
  if (entries.some((entry, i) => i > 0 && entry.seq < (entries[i - 1]?.seq ?? -1))) warnings.push('entries were not in seq order and have been sorted');
  if (unique.length < sorted.length) warnings.push(`${sorted.length - unique.length} entries repeated a seq and were dropped`);
  return unique;
}

/** A short, single-line account of schema issues for warnings and errors. */
export function describeIssues(error: z.ZodError, limit = 5): string {
  const shown = error.issues.slice(0, limit).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > limit ? `; and ${error.issues.length - limit} more` : '';
  return shown.join('; ') + more;
}
