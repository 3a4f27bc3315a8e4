// An exception of project code as the Problems list shows it: message, stack, and the project file and line
// of the innermost frame that is project code. CommonJS modules keep their source lines (compile-js wraps the
// code without adding lines), so a frame `…/__mp/logic/pages/a/a.js:12:5` is line 12 of `pages/a/a.js`;
// frames of files with `import`/`export` are mapped back through their source maps (source-maps.ts).
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { innermostSourcePosition, mapStack } from './source-maps';

export interface ThrownParts {
  message: string;
  stack: string;
}

/** What was thrown, as text (anything may be thrown, not only errors), with the stack as the engine wrote it. */
function thrownParts(error: unknown): ThrownParts {
  // Project code may throw anything, including objects whose getters or toString throw.
  try {
    if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: String(error.stack ?? '') };
    return { message: String(error), stack: '' };
  } catch {
    return { message: 'a value that cannot be shown was thrown', stack: '' };
  }
}

/** What was thrown, as text; the stack's frames are positions in the project's files. */
export function describeError(error: unknown): ThrownParts {
  const { message, stack } = thrownParts(error);
  return { message, stack: mapStack(stack) };
}

export function problemFromError(error: unknown): RuntimeProblem {
  const { message, stack } = thrownParts(error);
  const problem: RuntimeProblem = { kind: 'runtime', message, stack: mapStack(stack) };
  const position = innermostSourcePosition(stack);
  if (position) {
    problem.file = position.file;
    problem.line = position.line;
    problem.column = position.column;
  }
  return problem;
}
