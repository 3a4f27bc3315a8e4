// What the large-capture specs (filter, find) import into the panel: binary frames whose text each spec
// chooses, and the log's row count.
import type { Page } from '@playwright/test';
import type { CaptureEntry } from '../../shared/capture';

/** A binary frame of connection s1 carrying `text` (base64 in the capture), directions alternating by seq. */
export function binaryFrame(seq: number, text: string): CaptureEntry {
  return {
    seq,
    wallTime: 1_760_000_000_000 + seq,
    monoTime: seq,
    clientId: 'app-1',
    connectionId: 's1',
    kind: 'frame',
    name: 'binary',
    direction: seq % 2 === 0 ? 'in' : 'out',
    opcode: 2,
    size: text.length,
    payload: Buffer.from(text).toString('base64'),
    binary: true,
  };
}

/** How many rows the log says it has (its aria-rowcount). */
export const logRowCount = async (panel: Page): Promise<number> => Number(await panel.getByRole('grid', { name: 'log rows' }).getAttribute('aria-rowcount'));
