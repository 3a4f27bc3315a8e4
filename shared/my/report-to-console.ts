// Client-side problems the app should see in its console (a callback or listener that threw, a malformed
// message from the engine). The page may have replaced console.error with something that throws.

/** console.error that never throws. */
export function reportToConsole(message: string, cause?: unknown): void {
  try {
    if (cause === undefined) console.error(`my: ${message}`);
    else console.error(`my: ${message}`, cause);
  } catch {
    // console.error itself is broken: there is nowhere left to report to.
  }
}
