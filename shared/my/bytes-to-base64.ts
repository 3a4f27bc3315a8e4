// Binary arguments cross the JSON boundary as standard base64 (padding, no line breaks), the encoding the
// bridge uses for binary frames (docs/behaviour.md#a15-what-send-accepts). btoa exists in browsers and in Node.

const CHUNK_BYTES = 0x8000;

/** Standard base64 of the bytes. */
export function bytesToBase64(bytes: Uint8Array): string {
  const pieces: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    pieces.push(String.fromCharCode(...bytes.subarray(start, start + CHUNK_BYTES)));
  }
  return btoa(pieces.join(''));
}
