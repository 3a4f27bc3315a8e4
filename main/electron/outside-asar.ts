// A file electron-builder unpacked beside the archive (asarUnpack): its path inside app.asar names the copy
// in app.asar.unpacked, which a worker thread can load (docs/architecture.md#session-writer-thread).

/** `file` with its `app.asar` folder replaced by `app.asar.unpacked`; other paths unchanged. */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
