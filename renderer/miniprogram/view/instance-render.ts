// Rendering one page's or component's AXML with its data. A failing expression or SJS call becomes a red
// problem box in place of that instance, so the rest of the phone keeps working; a failure inside an `a:for`
// item (rendered later, by Preact) reaches the page's or component's error boundary, which shows the same box.
// An error thrown in an SJS module names that module's file and line (SJS keeps its lines, compile-sjs.ts).
import { h, type ComponentChild } from 'preact';
import { BUNDLE_PATHS } from '../../../shared/miniprogram/view-bundle';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { renderRuntime } from './render-runtime';
import type { ViewHost } from './view-host';
import type { ViewOwner } from './view-owner';

export function problemBox(problem: RuntimeProblem, count = 1): ComponentChild {
  const where = problem.file === undefined ? '' : `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`} `;
  return h('div', { class: 'mp-problem', role: 'alert' }, `${where}${problem.message}${count > 1 ? ` (×${count})` : ''}`);
}

export function renderInstance(host: ViewHost, owner: ViewOwner, axmlPath: string, scopeData: Record<string, unknown>): ComponentChild {
  const module = host.registry.axml(axmlPath);
  if (module === undefined) {
    const problem: RuntimeProblem = { kind: 'axml', message: 'render module not loaded', file: axmlPath.slice(1) };
    host.reportOnce(problem);
    return problemBox(problem);
  }
  try {
    return module.render(renderRuntime.scope(null, scopeData), owner) as ComponentChild;
  } catch (error) {
    return renderFailed(host, axmlPath, error);
  }
}

/** `/__mp/sjs/<file>.sjs.js:<line>:<column>` in a stack. */
const SJS_FRAME = new RegExp(`${BUNDLE_PATHS.sjs.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/(.+?\\.sjs)\\.js:(\\d+):(\\d+)`);

/** Reports a render that threw (once) and returns the box shown in place of the instance. */
export function renderFailed(host: ViewHost, axmlPath: string, error: unknown): ComponentChild {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const message = error instanceof Error ? error.message : String(error);
  const problem: RuntimeProblem = { kind: 'runtime', message: `render failed: ${message}`, file: axmlPath.slice(1), stack };
  const sjs = SJS_FRAME.exec(stack);
  if (sjs) {
    problem.file = sjs[1] as string;
    problem.line = Number(sjs[2]);
    problem.column = Number(sjs[3]);
  }
  host.reportOnce(problem);
  return problemBox(problem);
}
