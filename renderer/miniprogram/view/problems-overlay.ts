// The project's problems in the phone (docs/miniprogram-runtime.md "Tried on public projects"): red boxes at the
// bottom of the pages' area, identical ones folded with their count, and a Hide button, so a project whose
// sheets carry portability notes (an attribute selector) is still usable; a new problem shows the boxes again.
// The panel's Problems list keeps them all.
import { Component, h, type ComponentChild } from 'preact';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';
import { problemBox } from './instance-render';

/** Identical problems (e.g. one throwing component used in every row of a list) show once, with their count. */
export function foldRepeats(problems: readonly RuntimeProblem[]): Array<{ problem: RuntimeProblem; count: number }> {
  const folded = new Map<string, { problem: RuntimeProblem; count: number }>();
  for (const problem of problems) {
    const key = JSON.stringify([problem.kind, problem.file, problem.line, problem.column, problem.message]);
    const seen = folded.get(key);
    if (seen) seen.count += 1;
    else folded.set(key, { problem, count: 1 });
  }
  return [...folded.values()];
}

export class ProblemsOverlay extends Component<{ problems: readonly RuntimeProblem[] }, { hiddenUpTo: number }> {
  override state = { hiddenUpTo: 0 };

  override render(): ComponentChild {
    const { problems } = this.props;
    if (problems.length <= this.state.hiddenUpTo) return null;
    return h(
      'div',
      { class: 'mp-problems' },
      h('button', { type: 'button', class: 'mp-problems-hide', onClick: () => this.setState({ hiddenUpTo: problems.length }) }, 'Hide'),
      foldRepeats(problems).map(({ problem, count }) => problemBox(problem, count)),
    );
  }
}
