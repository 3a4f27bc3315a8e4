// Finds a filter's required fragments (filter-fragment.ts) in a chunk of session bytes, ASCII letters in
// either case, without decoding anything: Buffer.indexOf (native substring search) for one fragment without
// letters; otherwise a RegExp of case pairs run over the chunk read as latin1 (one character per byte, so
// a match's index is its byte offset), which measured faster than any JS loop over the bytes.

export interface FragmentFinder {
  /** Makes data[0, length) the bytes searched, until the next load. */
  load(data: Buffer, length: number): void;
  /**
   * Offset of the first occurrence of a fragment at or after `from` (Infinity when there is none); where
   * several fragments occur there, the shortest, whose length `foundLength` then gives.
   */
  find(from: number): number;
  foundLength: number;
}

const ASCII_LETTER = /[a-z]/i;

function escapedByte(byte: number): string {
  const char = String.fromCharCode(byte);
  if (ASCII_LETTER.test(char)) return `[${char.toLowerCase()}${char.toUpperCase()}]`;
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

/** A finder for `fragments` (at least one, none empty). */
export function fragmentFinder(fragments: readonly string[]): FragmentFinder {
  const encoded = fragments.map((fragment) => Buffer.from(fragment, 'utf8')).sort((a, b) => a.length - b.length);
  const only = encoded[0] as Buffer;
  if (encoded.length === 1 && !ASCII_LETTER.test(fragments[0] as string)) {
    let data: Buffer = Buffer.alloc(0);
    return {
      foundLength: only.length,
      load(chunk, length) {
        data = chunk.subarray(0, length);
      },
      find(from) {
        const at = data.indexOf(only, from);
        return at < 0 ? Infinity : at;
      },
    };
  }
  // Shortest first: at one offset the alternation then takes the shortest fragment that occurs there.
  return latin1PatternFinder(new RegExp(encoded.map((bytes) => Array.from(bytes, escapedByte).join('')).join('|'), 'g'));
}

/** A FragmentFinder running `pattern` (global; shortest alternative first) over the chunk read as latin1. */
export function latin1PatternFinder(pattern: RegExp): FragmentFinder & { readonly text: string } {
  const finder = {
    foundLength: 0,
    text: '',
    load(chunk: Buffer, length: number) {
      finder.text = chunk.toString('latin1', 0, length);
    },
    find(from: number) {
      pattern.lastIndex = from;
      const match = pattern.exec(finder.text);
      if (match === null) return Infinity;
      finder.foundLength = match[0].length;
      return match.index;
    },
  };
  return finder;
}

/** Chunks decoded whole after one where most records held a fragment (searching there only added cost). */
const DENSE_REST_CHUNKS = 16;

/**
 * Per chunk, whether a record's text holds one of the fragments. Where most records of a chunk do (a common
 * word: `x` in a flood of `xxx…` frames), searching costs more than it spares, so the next chunks are not
 * screened (`active` false: every record is decoded) before it tries again.
 */
export class FragmentScreen {
  /** Whether this chunk is screened. */
  active = false;
  // Chunk offsets of the first occurrence at or after the last record's text (-1: not searched yet).
  private occurrence = -1;
  private occurrenceEnd = -1;
  private asked = 0;
  private held = 0;
  private restChunks = 0;

  constructor(private readonly finder: FragmentFinder) {}

  /** Starts a chunk: data[0, length). */
  startChunk(data: Buffer, length: number): void {
    if (this.active && this.held * 2 > this.asked) this.restChunks = DENSE_REST_CHUNKS;
    this.asked = 0;
    this.held = 0;
    this.occurrence = -1;
    this.occurrenceEnd = -1;
    this.active = this.restChunks === 0;
    if (this.active) this.finder.load(data, length);
    else this.restChunks -= 1;
  }

  /** Whether a fragment lies in [textStart, end), for records in chunk order. */
  holds(textStart: number, end: number): boolean {
    this.asked += 1;
    if (this.occurrence < textStart) this.next(textStart);
    // One running past the record can hide a shorter one (another fragment) inside it.
    while (this.occurrence < end && this.occurrenceEnd > end) this.next(this.occurrence + 1);
    if (this.occurrenceEnd > end) return false;
    this.held += 1;
    return true;
  }

  private next(from: number): void {
    this.occurrence = this.finder.find(from);
    this.occurrenceEnd = this.occurrence + this.finder.foundLength;
  }
}
