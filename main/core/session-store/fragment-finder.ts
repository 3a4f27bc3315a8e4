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
  const pattern = new RegExp(encoded.map((bytes) => Array.from(bytes, escapedByte).join('')).join('|'), 'g');
  let text = '';
  const finder: FragmentFinder = {
    foundLength: 0,
    load(chunk, length) {
      text = chunk.toString('latin1', 0, length);
    },
    find(from) {
      pattern.lastIndex = from;
      const match = pattern.exec(text);
      if (match === null) return Infinity;
      finder.foundLength = match[0].length;
      return match.index;
    },
  };
  return finder;
}
