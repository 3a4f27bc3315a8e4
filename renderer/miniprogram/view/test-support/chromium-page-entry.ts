// Bundled into the page of view-in-chromium.chromium.test.ts: starts the view into a 320px-wide phone and lets
// the test act as the logic through `window.__mpTest`; components get an empty `init` as soon as they ask.
import type { LogicToView, ViewToLogic } from '../../../../shared/miniprogram/view-logic-protocol';
import { startMiniProgramView } from '../start-view';
import { applyDataOpsForTests } from './apply-data-ops';

const sent: ViewToLogic[] = [];
let deliver: ((message: LogicToView) => void) | undefined;
const phone = document.createElement('div');
phone.id = 'phone';
phone.style.cssText = 'width:320px;height:640px;border:1px solid #999';
document.body.append(phone);

void startMiniProgramView({
  container: phone,
  post: (message) => {
    sent.push(message);
    if (message.t === 'component-create') queueMicrotask(() => deliver?.({ t: 'init', instanceId: message.instanceId, data: {} }));
  },
  subscribe: (receive) => {
    deliver = receive;
  },
  applyDataOps: applyDataOpsForTests,
}).then(() => {
  (globalThis as Record<string, unknown>).__mpTest = { sent, receive: (message: LogicToView) => deliver?.(message) };
});
