// The fuzz tests' guard that generated input names no host but loopback (the only legal target here): a
// string that parses as a URL with any other host, anywhere in a message, keys included, rejects it.

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['', '127.0.0.1', 'localhost', '[::1]']);

function namesOnlyLoopback(text: string): boolean {
  if (!text.includes(':')) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(text).hostname);
  } catch {
    return true;
  }
}

/** Whether every string in `value` (walked without recursion, so deep nesting is fine) is safe to send. */
export function onlyLoopbackUrls(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (!namesOnlyLoopback(item)) return false;
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, child] of Object.entries(item)) {
        if (!namesOnlyLoopback(key)) return false;
        pending.push(child);
      }
    }
  }
  return true;
}
