// The view page of the Chromium sandbox test: starts the logic Worker as a real view page would, with a
// recording bridge instead of the engine, and reports everything to the test (the parent frame).
import type { ClientMessage, MyTransport } from '../../../../shared/my-wire';
import { appBaseOf, startLogicWorker } from '../../logic-host/start-logic-worker';

const report = (entry: unknown): void => window.parent.postMessage(JSON.parse(JSON.stringify(entry)), '*');

const bridge: MyTransport = {
  send: (message: ClientMessage) => report({ bridge: message }),
  onMessage: () => undefined,
};

const logic = startLogicWorker({
  appBase: appBaseOf(location.href),
  config: { pages: ['pages/index/index'], tabBarPages: [] },
  bridge,
  lab: { endpoints: [{ name: 'echo', url: 'ws://127.0.0.1:1/echo', description: 'echo' }] },
  onFault: (message) => report({ fault: message }),
});
logic.onMessage((message) => {
  report({ view: message });
  if (message.t === 'stack') for (const page of message.pages) logic.send({ t: 'page-ready', pageId: page.pageId });
});
