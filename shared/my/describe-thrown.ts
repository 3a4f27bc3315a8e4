// Turns anything a getter, callback or listener threw into a short text, without ever throwing itself:
// the thrown value is app-controlled (an Error, a string, a Proxy, an object whose `message` getter throws).

/** The thrown value's `message` when it has a string one, else its string form. */
export function describeThrown(thrown: unknown): string {
  try {
    if (typeof thrown === 'object' && thrown !== null && 'message' in thrown && typeof thrown.message === 'string') {
      return thrown.message;
    }
    return String(thrown);
  } catch {
    return 'a thrown value that cannot be printed';
  }
}
