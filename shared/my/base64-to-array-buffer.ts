// Incoming binary for clients that want an ArrayBuffer (docs/behaviour.md#a14-incoming-binary-as-arraybuffer): the wire carries base64, the
// listener gets the bytes. atob exists in browsers and in Node.

/** The bytes of standard base64 in a fresh ArrayBuffer; undefined when the text is not base64. */
export function base64ToArrayBuffer(base64: string): ArrayBuffer | undefined {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes.buffer;
}
