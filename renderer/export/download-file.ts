// Saves text as a file the browser way (a Blob and a temporary <a download>), which works in the browser
// host and in Electron's renderer alike.

/** Starts the download of `text` as `fileName`. */
export function downloadText(text: string, fileName: string, mimeType: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `mini-socket-capture-2026-05-01T10-20-30.har`: sortable and safe on every file system. */
export function captureFileName(format: 'har' | 'jsonl', now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return `mini-socket-capture-${stamp}.${format}`;
}
