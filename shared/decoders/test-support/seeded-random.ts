// A small deterministic generator for the decoders' randomized tests, so a failure names the same case every run.

/** Numbers in [0, 1) from `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** `word` with each character upper-cased or not at random. */
export function withRandomCase(word: string, next: () => number): string {
  return [...word].map((char) => (next() < 0.5 ? char.toUpperCase() : char)).join('');
}

/** `length` random bytes. */
export function randomBytes(length: number, next: () => number): Buffer {
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
}
