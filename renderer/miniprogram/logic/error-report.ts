// An exception of project code as the Problems list shows it: message, stack, and the project file and line
// of the innermost frame that is project code. Served modules keep their source lines (compile-js wraps the
// code without adding lines), so a frame `…/__mp/logic/pages/a/a.js:12:5` is line 12 of `pages/a/a.js`.
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { LOGIC_MODULE_PREFIX } from '../../../shared/miniprogram/logic-urls';

const FRAME = new RegExp(`${escapeRegExp(LOGIC_MODULE_PREFIX)}(.+?\\.js)(?:\\?[^:]*)?:(\\d+):(\\d+)`);

export interface ThrownParts {
  message: string;
  stack: string;
}

/** What was thrown, as text (anything may be thrown, not only errors). */
export function describeError(error: unknown): ThrownParts {
  // Project code may throw anything, including objects whose getters or toString throw.
  try {
    if (error instanceof Error) return { message: `${error.name}: ${error.message}`, stack: String(error.stack ?? '') };
    return { message: String(error), stack: '' };
  } catch {
    return { message: 'a value that cannot be shown was thrown', stack: '' };
  }
}

export function problemFromError(error: unknown): RuntimeProblem {
  const { message, stack } = describeError(error);
  const problem: RuntimeProblem = { kind: 'runtime', message, stack };
  const frame = FRAME.exec(stack);
  if (frame) {
    problem.file = frame[1];
    problem.line = Number(frame[2]);
    problem.column = Number(frame[3]);
  }
  return problem;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
