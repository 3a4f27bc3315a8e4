// The view page of the Chromium sandbox test: starts the logic Worker as a real view page would, on the
// link the `my` shim offers mini-program view pages, and reports what the logic sends to the test (the parent frame).
import { appBaseOf, startLogicWorker } from '../../logic-host/start-logic-worker';

const report = (entry: unknown): void => window.parent.postMessage(JSON.parse(JSON.stringify(entry)), '*');

const bridge = window.__msdTakeLogicLink?.();
if (!bridge || window.__msdTakeLogicLink?.() !== undefined) report({ fault: 'the shim did not hand out exactly one logic link' });

const logic = startLogicWorker({
  appBase: appBaseOf(location.href),
  config: { pages: ['pages/index/index'], tabBarPages: [] },
  bridge: bridge ?? { send: () => undefined, onMessage: () => undefined },
  lab: { endpoints: [{ name: 'echo', url: 'ws://127.0.0.1:1/echo', description: 'echo' }] },
  onFault: (message) => report({ fault: message }),
});
logic.onMessage((message) => {
  report({ view: message });
  if (message.t === 'stack') for (const page of message.pages) logic.send({ t: 'page-ready', pageId: page.pageId });
});
