// The script of a mini-program project's view page (served by main/miniprogram/miniprogram-host.ts after the
// host's `my` shim): starts the view (compiled AXML/ACSS from /__mp/…) and the logic Worker, and wires them
// together as docs/miniprogram-runtime.md describes. The page itself runs no project code.
import { applyDataOps } from '../../../shared/miniprogram/data-path';
import type { LogicToView, StackPage, ViewToLogic } from '../../../shared/miniprogram/view-logic-protocol';
import type { MyTransport } from '../../../shared/my-wire';
import { MAX_REPORTED_PAGES, MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE } from '../../../shared/miniapp-page-constants';
import { VIEW_PAGE_ROOT_ID } from '../../../shared/miniprogram/view-page';
import { appBaseOf, spawnLogicWorker, startLogicWorker, type LogicWorkerHandle } from '../logic-host/start-logic-worker';
import { startMiniProgramView } from '../view/start-view';
import { logicConfigOf } from './logic-config';
import { createProblemReporter } from './problem-reporter';

async function start(): Promise<void> {
  const container = document.getElementById(VIEW_PAGE_ROOT_ID) ?? document.body;
  const link = window.__msdTakeLogicLink?.();
  const spawned = link === undefined ? undefined : spawnLogicWorker(appBaseOf(location.href));
  let route = '';
  const report = link === undefined ? () => undefined : createProblemReporter(link, () => route);
  // The view may speak before the Worker exists (a load failure); its messages wait for it.
  const logic: { worker?: LogicWorkerHandle } = {};
  const waiting: ViewToLogic[] = [];
  const receivers: ((message: LogicToView) => void)[] = [];

  const view = await startMiniProgramView({
    container,
    post(message) {
      if (message.t === 'view-problem') report(message.problem);
      if (logic.worker === undefined) waiting.push(message);
      else logic.worker.send(message);
    },
    subscribe: (receive) => receivers.push(receive),
    applyDataOps,
  });
  view.manifest.problems.forEach(report);
  if (link === undefined || spawned === undefined) {
    view.reportOnce({ kind: 'runtime', message: 'This page has no `my` bridge link for its logic: open it through the devtools.' });
    return;
  }
  const started = startLogicWorker({
    appBase: appBaseOf(location.href),
    config: logicConfigOf(view.manifest),
    bridge: link,
    defaultMultiple: document.querySelector(`script[${MINIAPP_DEFAULT_MULTIPLE_ATTRIBUTE}="true"]`) !== null,
    lab: window.__MSD_LAB__,
    onFault: (message) => view.reportOnce({ kind: 'runtime', message }),
  }, spawned);
  started.onMessage((message) => {
    if (message.t === 'stack') {
      route = message.pages.at(-1)?.route ?? '';
      reportStack(link, message.pages);
    }
    if (message.t === 'problem') report(message.problem);
    for (const receive of receivers) receive(message);
  });
  logic.worker = started;
  for (const message of waiting.splice(0)) started.send(message);
}

/** The panel shows the current page, its query and the stack (docs/miniprogram-runtime.md "Opening projects"). */
function reportStack(link: MyTransport, pages: readonly StackPage[]): void {
  try {
    link.send({ op: 'page-stack', pages: pages.slice(-MAX_REPORTED_PAGES).map(({ route, query }) => ({ route, query })) });
  } catch {
    // The engine is gone: the phone still works.
  }
}

void start();
