// A hostile mini-app (HTML mode) against its walls (docs/architecture.md#threat-model): no WebRTC in its
// window nor in any nested frame it makes (appended, parsed from HTML, srcdoc, document.write), and no
// second bridge with its own ticket. The mini-program mode's checks join this spec once its runtime is
// merged (its app code runs in a worker, where RTCPeerConnection does not exist).
import { expect, test } from './harness/fixtures';
import { inMiniapp } from './harness/miniapp-eval';

test('a hostile mini-app finds no WebRTC in any realm it can make, and cannot open a second bridge', async ({ driver }) => {
  const frame = await driver.miniapp();
  const found = await frame.evaluate(async () => {
    const rtc = (realm: Window | null | undefined): string => {
      if (!realm) return 'no realm';
      const globals = realm as unknown as Record<string, unknown>;
      try {
        const names = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel'].filter((name) => typeof globals[name] === 'function');
        return names.length === 0 ? 'none' : `FOUND ${names.join(',')}`;
      } catch (error) {
        return `unreachable (${error instanceof Error ? error.name : 'thrown'})`;
      }
    };
    const frameCount = () => window.length;
    const appended = document.createElement('iframe');
    document.body.appendChild(appended);
    const viaAppend = rtc(appended.contentWindow);
    const before = frameCount();
    document.body.insertAdjacentHTML('beforeend', '<iframe></iframe>');
    const viaHtml = rtc(window[before]);
    const holder = document.createElement('div');
    holder.innerHTML = '<iframe></iframe>';
    document.body.append(holder);
    const viaInnerHtml = rtc(window[frameCount() - 1]);
    const written = document.createElement('iframe');
    document.body.appendChild(written);
    let viaWrite: string;
    try {
      written.contentDocument?.write('<script>window.seen = typeof RTCPeerConnection;</script>');
      viaWrite = `${String((written.contentWindow as unknown as { seen?: string }).seen)} / ${rtc(written.contentWindow)}`;
    } catch (error) {
      viaWrite = `unreachable (${error instanceof Error ? error.name : 'thrown'})`;
    }
    const grandchild = written.contentDocument?.createElement('iframe');
    if (grandchild) written.contentDocument?.body.appendChild(grandchild);
    const viaGrandchild = rtc(grandchild?.contentWindow);
    const srcdoc = document.createElement('iframe');
    srcdoc.srcdoc = '<script>parent.postMessage("srcdoc:" + typeof RTCPeerConnection, "*");</script>';
    const srcdocSaw = new Promise<string>((resolve) => {
      window.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.startsWith('srcdoc:')) resolve(event.data);
      });
      setTimeout(() => resolve('srcdoc: never ran'), 3000);
    });
    document.body.appendChild(srcdoc);
    const shadow = document.createElement('div').attachShadow({ mode: 'closed' });
    document.body.appendChild(shadow.host);
    const inShadow = document.createElement('iframe');
    inShadow.srcdoc = '<script>parent.postMessage("srcdoc:" + typeof RTCPeerConnection, "*");</script>';
    shadow.appendChild(inShadow);
    const viaSrcdoc = await srcdocSaw;
    return { own: rtc(window), viaAppend, viaHtml, viaInnerHtml, viaWrite, viaGrandchild, viaSrcdoc, framesLeft: String(document.querySelectorAll('iframe').length + shadow.querySelectorAll('iframe').length) };
  });
  // Nested frames of the opaque-origin page are cross-origin to it (unreachable) and removed before they load.
  expect(found).toEqual({
    own: 'none',
    viaAppend: 'unreachable (SecurityError)',
    viaHtml: 'unreachable (SecurityError)',
    viaInnerHtml: 'unreachable (SecurityError)',
    viaWrite: 'unreachable (SecurityError)',
    viaGrandchild: 'no realm',
    viaSrcdoc: 'srcdoc: never ran',
    framesLeft: '0',
  });

  // The page reads its bridge URL (with its ticket) by wrapping send, then tries a second bridge with it.
  const second = await inMiniapp(
    frame,
    (my) =>
      new Promise<string>((resolve) => {
        const originalSend = WebSocket.prototype.send;
        WebSocket.prototype.send = function (this: WebSocket, data: Parameters<WebSocket['send']>[0]) {
          WebSocket.prototype.send = originalSend;
          const copy = new WebSocket(this.url);
          copy.onopen = () => resolve('SECOND BRIDGE OPENED');
          copy.onclose = () => resolve('refused');
          originalSend.call(this, data);
        };
        void my.sendSocketMessage({ data: 'x' }).catch(() => undefined);
      }),
    null,
  );
  expect(second).toBe('refused');
  await driver.screenshot('hostile-miniapp');
});
