// The lab's /flood URL for a bounded flood of text frames that closes when done.

/** `count` text frames of `size` bytes at `rate` frames/s (0 = as fast as the socket drains). */
export function floodUrl(base: string, count: number, size: number, rate = 0): string {
  const url = new URL(base);
  url.search = new URLSearchParams({ count: String(count), size: String(size), rate: String(rate), close: '1' }).toString();
  return url.toString();
}
