import { describe, expect, it } from 'vitest';
import type { CaptureEntry } from './capture';
import { captureToJsonl, jsonlToCapture } from './jsonl';

const entries: CaptureEntry[] = [
  { seq: 7, wallTime: 1_700_000_000_000.25, monoTime: 12.5, clientId: 'app-1', connectionId: 's1', kind: 'lifecycle', name: 'connecting', direction: 'none', size: 0, detail: { url: 'ws://127.0.0.1:1/echo', requestHeaders: { a: 'b' } } },
  { seq: 8, wallTime: 1_700_000_000_001, monoTime: 13, clientId: 'app-1', connectionId: 's1', kind: 'frame', name: 'binary', direction: 'in', opcode: 2, size: 3, payload: 'AQID', binary: true },
  { seq: 9, wallTime: 1_700_000_000_002, monoTime: 14, clientId: 'app-1', connectionId: 's1', kind: 'error', name: 'error', direction: 'none', size: 0, errorCode: 12, errorMessage: 'Unable to request more memory to read network data.', cause: 'Max payload size exceeded' },
  { seq: 10, wallTime: 1_700_000_000_003, monoTime: 15, clientId: 'app-1', connectionId: 's1', kind: 'frame', name: 'text', direction: 'out', opcode: 1, size: 2000, payload: 'line one\nline two "quoted"', truncated: true },
];

describe('JSONL', () => {
  it('writes one entry per line and reads the same entries back', () => {
    const text = captureToJsonl(entries);
    expect(text.split('\n')).toHaveLength(entries.length + 1);
    expect(text.endsWith('\n')).toBe(true);
    const imported = jsonlToCapture(text);
    expect(imported).toEqual({ entries, warnings: [] });
    expect(captureToJsonl(imported.entries)).toBe(text);
  });

  it('writes nothing but the entry fields (a batch preview flag is not part of the capture)', () => {
    const line = captureToJsonl([{ ...entries[1], previewOnly: true } as CaptureEntry]);
    expect(JSON.parse(line)).toEqual(entries[1]);
  });

  it('skips lines that are not JSON or not entries, naming their line numbers, and tolerates CRLF and blank lines', () => {
    const lines = captureToJsonl(entries).trimEnd().split('\n');
    const text = [lines[0], '{oops', '', JSON.stringify({ seq: 'x' }), lines[1], '  ', lines[2], lines[3]].join('\r\n');
    const { entries: read, warnings } = jsonlToCapture(text);
    expect(read).toEqual(entries);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^line 2: not JSON/);
    expect(warnings[1]).toMatch(/^line 4: not a capture entry \(seq: /);
  });

  it('sorts entries out of seq order and drops repeated seqs, with warnings', () => {
    const text = captureToJsonl([entries[2], entries[0], entries[2], entries[1]] as CaptureEntry[]);
    const { entries: read, warnings } = jsonlToCapture(text);
    expect(read.map((e) => e.seq)).toEqual([7, 8, 9]);
    expect(warnings).toEqual(['entries were not in seq order and have been sorted', '1 entries repeated a seq and were dropped']);
  });

  it('reads an empty file as an empty capture', () => {
    expect(jsonlToCapture('')).toEqual({ entries: [], warnings: [] });
  });
});
