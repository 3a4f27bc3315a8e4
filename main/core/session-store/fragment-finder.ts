// Finds a filter's required fragment (filter-fragment.ts) in a chunk of session bytes, ASCII letters in
// either case, without decoding anything: Buffer.indexOf (native substring search) when the fragment has no
// letters; otherwise a RegExp of case pairs run over the chunk read as latin1 (one character per byte,
// so a match's index is its byte offset), which measured faster than any JS loop over the bytes.

export interface FragmentFinder {
  /** The fragment's length in bytes. */
  readonly length: number;
  /** Makes data[0, length) the bytes searched, until the next load. */
  load(data: Buffer, length: number): void;
  /** Offset of the first occurrence at or after `from`, or Infinity. */
  find(from: number): number;
}

const ASCII_LETTER = /[a-z]/i;

function escapedByte(byte: number): string {
  const char = String.fromCharCode(byte);
  if (ASCII_LETTER.test(char)) return `[${char.toLowerCase()}${char.toUpperCase()}]`;
  return `\\x${byte.toString(16).padStart(2, '0')}`;
}

/** A finder for `fragment` (non-empty). */
export function fragmentFinder(fragment: string): FragmentFinder {
  const bytes = Buffer.from(fragment, 'utf8');
  if (!ASCII_LETTER.test(fragment)) {
    let data: Buffer = Buffer.alloc(0);
    return {
      length: bytes.length,
      load(chunk, length) {
        data = chunk.subarray(0, length);
      },
      find(from) {
        const at = data.indexOf(bytes, from);
        return at < 0 ? Infinity : at;
      },
    };
  }
  const pattern = new RegExp(Array.from(bytes, escapedByte).join(''), 'g');
  let text = '';
  return {
    length: bytes.length,
    load(chunk, length) {
      text = chunk.toString('latin1', 0, length);
    },
    find(from) {
      pattern.lastIndex = from;
      return pattern.exec(text)?.index ?? Infinity;
    },
  };
}
