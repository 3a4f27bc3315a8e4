// Where the session writer thread's script is. The built app runs its bundle (out/, OUT_LAYOUT
// sessionWriterThread, which the hosts pass); sources (tests, tsx, the bench) load the TypeScript file
// through tsx's API from a small evaluated script, since a worker's own --import does not make Node 20
// accept a .ts entry.
export type WriterThreadLocation = { file: string | URL; eval?: false } | { code: string; eval: true };

export function sourceWriterThread(): WriterThreadLocation {
  const source = new URL('./session-writer-thread.ts', import.meta.url).href;
  return { code: `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}));`, eval: true };
}
