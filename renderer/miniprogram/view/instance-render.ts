// Rendering one page's or component's AXML with its data. A failing expression or SJS call becomes a red
// problem box in place of that instance, so the rest of the phone keeps working.
import { h, type ComponentChild } from 'preact';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { renderRuntime } from './render-runtime';
import type { ViewHost } from './view-host';
import type { ViewOwner } from './view-owner';

export function problemBox(problem: RuntimeProblem): ComponentChild {
  const where = problem.file === undefined ? '' : `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`} `;
  return h('div', { class: 'mp-problem', role: 'alert' }, `${where}${problem.message}`);
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
    const problem: RuntimeProblem = { kind: 'runtime', message: `render failed: ${(error as Error).message}`, file: axmlPath.slice(1), stack: (error as Error).stack ?? '' };
    host.reportOnce(problem);
    return problemBox(problem);
  }
}
