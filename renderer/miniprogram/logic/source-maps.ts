// Positions in project files for stack frames of transformed modules. A file with `import`/`export` runs as
// esbuild's CommonJS output, whose lines differ from the file's; the served module hands the Worker its source
// map (main/miniprogram/compile-js.ts), and every `/__mp/logic/<file>:line:column` in a stack is mapped back
// with @jridgewell/trace-mapping. CommonJS files run as written and have no map: their frames stay as they are.
import { TraceMap, originalPositionFor, type SourceMapInput } from '@jridgewell/trace-mapping';
import { LOGIC_MODULE_PREFIX } from '../../../shared/miniprogram/logic-urls';

const maps = new Map<string, TraceMap>();

/** `/__mp/logic/<file>.js:<line>:<column>` in a stack (an optional query before the line). */
export const LOGIC_FRAME = new RegExp(`${escapeRegExp(LOGIC_MODULE_PREFIX)}(.+?\\.js)(?:\\?[^:]*)?:(\\d+):(\\d+)`, 'g');

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** Keeps the map of `file` (a project path, e.g. `pages/a/a.js`); a malformed map is dropped (frames stay unmapped). */
export function rememberSourceMap(file: string, map: unknown): void {
  try {
    maps.set(file, new TraceMap(map as SourceMapInput));
  } catch {
    maps.delete(file);
  }
}

/**
 * The project position of a frame (1-based line and column). Undefined when the file has a map that does not
 * cover the position (code the transform added, such as its import helpers).
 */
export function sourcePosition(file: string, line: number, column: number): SourcePosition | undefined {
  const map = maps.get(file);
  if (map === undefined) return { file, line, column };
  const found = originalPositionFor(map, { line, column: Math.max(0, column - 1) });
  return found.line === null ? undefined : { file, line: found.line, column: found.column + 1 };
}

/** Every logic frame of a stack, mapped; frames in code the transform added are left as they are. */
export function mapStack(stack: string): string {
  return stack.replace(LOGIC_FRAME, (frame: string, file: string, line: string, column: string) => {
    const position = sourcePosition(file, Number(line), Number(column));
    return position === undefined ? frame : `${LOGIC_MODULE_PREFIX}${file}:${position.line}:${position.column}`;
  });
}

/** The innermost frame of a stack that is a position in a project file. */
export function innermostSourcePosition(stack: string): SourcePosition | undefined {
  for (const match of stack.matchAll(LOGIC_FRAME)) {
    const position = sourcePosition(match[1] as string, Number(match[2]), Number(match[3]));
    if (position !== undefined) return position;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
