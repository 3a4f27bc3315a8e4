// V8 keeps a sliced or concatenated string pointing at the string it came from, so a 256-character
// preview of a 100 MiB argument holds all 100 MiB. Whatever the capture keeps of a large string is
// copied through a Buffer instead, so it owns only its own characters (docs/architecture.md#threat-model).

/** A flat copy of the first `length` UTF-16 code units of `text` that references nothing else. */
export function copyPrefix(text: string, length: number): string {
  return Buffer.from(text.slice(0, length), 'utf16le').toString('utf16le');
}
