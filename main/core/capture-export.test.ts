import { describe, expect, it } from 'vitest';
import { harToCapture } from '../../shared/har-import';
import { jsonlToCapture } from '../../shared/jsonl';
import { createCaptureLog } from './capture-log';
import { exportHar, exportJsonl } from './capture-export';

describe('capture export', () => {
  it('exports what the ring holds, with its counters, as HAR and JSONL that import back to the same entries', () => {
    const log = createCaptureLog({ capacity: 3 });
    for (let i = 0; i < 5; i += 1) {
      log.append({ clientId: 'app-1', connectionId: 's1', kind: 'frame', name: 'text', direction: 'in', opcode: 1, size: 1, payload: String(i) });
    }
    const held = [...log.from(0)];
    const har = JSON.parse(exportHar(log)) as { log: { creator: { name: string; version: string }; _stats: unknown } };
    expect(har.log.creator.name).toBe('Mini Socket DevTools');
    expect(har.log.creator.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(har.log._stats).toEqual({ total: 5, dropped: 2, held: 3, capacity: 3, cleared: 0 });
    expect(harToCapture(exportHar(log))).toEqual({ entries: held, warnings: [], stats: log.stats() });
    expect(jsonlToCapture(exportJsonl(log))).toEqual({ entries: held, warnings: [] });
  });

  it('exports an empty capture as a valid, empty HAR and an empty JSONL', () => {
    const log = createCaptureLog({ capacity: 3 });
    expect(harToCapture(exportHar(log)).entries).toEqual([]);
    expect(exportJsonl(log)).toBe('');
  });
});
