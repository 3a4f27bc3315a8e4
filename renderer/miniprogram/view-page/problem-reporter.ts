// Every problem of the project (compile problems in the manifest, the logic's `problem`s, the view's
// `view-problem`s) also goes to the engine as a `problem` report, so the panel's Problems list shows it
// with its file and line (warning id miniprogram-problem). The phone shows them by itself.
import type { MyTransport } from '../../../shared/my-wire';
import { MAX_PROBLEM_TEXT } from '../../../shared/miniapp-page-constants';
import type { RuntimeProblem } from '../../../shared/miniprogram/view-logic-protocol';

/** Reports each distinct problem once (a render error repeats on every render). */
export function createProblemReporter(link: MyTransport, currentRoute: () => string): (problem: RuntimeProblem) => void {
  const reported = new Set<string>();
  return (problem) => {
    const key = `${problem.kind}|${problem.file ?? ''}|${problem.line ?? ''}|${problem.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    const route = currentRoute();
    const report = {
      ...problem,
      message: problem.message.slice(0, MAX_PROBLEM_TEXT),
      ...(problem.stack === undefined ? {} : { stack: problem.stack.slice(0, MAX_PROBLEM_TEXT) }),
    };
    try {
      link.send({ op: 'problem', problem: report, ...(route === '' ? {} : { page: route }) });
    } catch {
      // The engine is gone: the phone still shows the problem.
    }
  };
}
