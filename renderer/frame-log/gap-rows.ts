// The log's rows with its gaps in place (docs/behaviour.md#a27-gaps-in-the-live-log): before the held entry
// that follows a gap the stream skipped come the gap's entries read back from the session (those the filter
// passes), then one gap row for what is still unread. Pure: the frame log maps its virtual rows through it.
import type { CaptureEntry } from '../../shared/capture';
import type { SeqGap } from '../capture/entry-ring';
import type { FilteredIndex } from './filter';

export type LogRowModel =
  | { kind: 'ring'; row: number }
  | { kind: 'filled'; entry: CaptureEntry }
  /**
   * The unread rest of `gap`: seqs `fromSeq` … gap.toSeq. `matched` of the entries read back before it passed
   * the filter (all of them with no filter): the filter is applied to entries once read.
   */
  | { kind: 'gap'; gap: SeqGap; fromSeq: number; matched: number };

interface Block {
  gap: SeqGap;
  /** Ring rows before the block. */
  base: number;
  /** Display row of the block's first row. */
  start: number;
  shown: readonly CaptureEntry[];
  /** Seq of the first unread entry (> gap.toSeq: read whole, no gap row). */
  unreadFrom: number;
  /** Display rows the block takes. */
  size: number;
}

export interface GapLayout {
  rowCount: number;
  at(row: number): LogRowModel;
  /** The display row of ring row `ringRow`. */
  rowOfRingRow(ringRow: number): number;
  /** Display rows of the gap rows, ascending. */
  gapRows: readonly number[];
  /** Seqs not streamed and not read back yet, in all gaps shown. */
  unread: number;
}

/**
 * Lays out `index`'s rows with `gaps` (those whose following entry the index has considered), each with the
 * entries read back so far (`readOf(gap)`, consecutive from gap.fromSeq) that `passes`.
 */
export function layoutGaps(index: FilteredIndex, gaps: readonly SeqGap[], readOf: (gap: SeqGap) => readonly CaptureEntry[], passes: (entry: CaptureEntry) => boolean): GapLayout {
  const blocks: Block[] = [];
  let extra = 0;
  for (const gap of gaps) {
    if (gap.position >= index.scannedTo) break;
    const read = readOf(gap);
    const shown = read.filter(passes);
    const unreadFrom = gap.fromSeq + read.length;
    const size = shown.length + (unreadFrom <= gap.toSeq ? 1 : 0);
    if (size === 0) continue;
    const base = index.rowsBefore(gap.position);
    blocks.push({ gap, base, start: base + extra, shown, unreadFrom, size });
    extra += size;
  }
  const withRow = blocks.filter((block) => block.unreadFrom <= block.gap.toSeq);
  return {
    gapRows: withRow.map((block) => block.start + block.shown.length),
    unread: withRow.reduce((sum, block) => sum + block.gap.toSeq - block.unreadFrom + 1, 0),
    rowCount: index.rowCount + extra,
    at(row) {
      const block = lastAtOrBefore(blocks, row, (candidate) => candidate.start);
      if (!block) return { kind: 'ring', row };
      const offset = row - block.start;
      if (offset < block.size) {
        const entry = block.shown[offset];
        return entry ? { kind: 'filled', entry } : { kind: 'gap', gap: block.gap, fromSeq: block.unreadFrom, matched: block.shown.length };
      }
      return { kind: 'ring', row: block.base + offset - block.size };
    },
    rowOfRingRow(ringRow) {
      const block = lastAtOrBefore(blocks, ringRow, (candidate) => candidate.base);
      return block ? ringRow + block.start - block.base + block.size : ringRow;
    },
  };
}

/** How many seqs `gaps` span. */
export function seqsInGaps(gaps: readonly SeqGap[]): number {
  let seqs = 0;
  for (const gap of gaps) seqs += gap.toSeq - gap.fromSeq + 1;
  return seqs;
}

/** The last block whose key is ≤ value (keys ascend), or undefined. */
function lastAtOrBefore(blocks: readonly Block[], value: number, key: (block: Block) => number): Block | undefined {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(blocks[middle] as Block) <= value) low = middle + 1;
    else high = middle;
  }
  return blocks[low - 1];
}
