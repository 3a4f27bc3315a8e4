// Reads a capture file the user opened: HAR (ours, Chrome's, or any HAR 1.2 with WebSocket entries) or
// our JSONL. Throws an Error that says what is wrong when the file is neither.
import type { CaptureImport } from '../../shared/jsonl';
import { jsonlToCapture } from '../../shared/jsonl';
import { harToCapture } from '../../shared/har-import';

/** Parses `text`; the file name only decides which format is tried first. */
export function parseCaptureFile(fileName: string, text: string): CaptureImport {
  const looksLikeJsonl = /\.(jsonl|ndjson)$/i.test(fileName) || isJsonl(text);
  if (looksLikeJsonl) {
    const imported = jsonlToCapture(text);
    if (imported.entries.length === 0 && imported.warnings.length > 0) throw new Error(`not a capture JSONL file: ${imported.warnings[0]}`);
    return imported;
  }
  return harToCapture(text);
}

/** JSONL: the first non-empty line is a whole JSON object carrying a seq. */
function isJsonl(text: string): boolean {
  const firstLine = text.split(/\r?\n/, 2)[0] ?? '';
  if (!firstLine.trim().startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(firstLine);
    return typeof value === 'object' && value !== null && 'seq' in value;
  } catch {
    return false;
  }
}
