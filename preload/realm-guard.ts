// Keeps the mini-app to `my` where CSP cannot (docs/architecture.md#threat-model). CSP does not stop a
// peer connection from sending UDP, so the RTC constructors are removed from the page's window before
// its own scripts run. A nested frame would be a fresh realm with them back: frame-src 'none' stops
// frames that load a URL, not srcdoc or javascript: frames, so every frame element that appears in the
// document (or in a shadow root) is removed in the microtask after it appeared, before it can load.

/** The globals that open a peer-to-peer channel. */
const RTC_GLOBALS = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCIceTransport', 'RTCSctpTransport', 'RTCDtlsTransport'];

const FRAME_SELECTOR = 'iframe, frame, object, embed, portal, fencedframe';

/** Guards the page: no RTC globals, no nested frames. */
export function guardRealm(page: Window): void {
  const globals = page as unknown as Record<string, unknown>;
  for (const name of RTC_GLOBALS) {
    delete globals[name];
    if (name in globals) Object.defineProperty(globals, name, { value: undefined, configurable: false, writable: false });
  }
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') removeFrame(record.target);
      record.addedNodes.forEach((node) => {
        removeFrame(node);
        if (node instanceof Element || node instanceof DocumentFragment) node.querySelectorAll(FRAME_SELECTOR).forEach(removeFrame);
      });
    }
  });
  const watch = (root: Node): void => observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['src', 'srcdoc', 'data'] });
  watch(page.document);
  // Shadow trees are outside the document's subtree: each new one is watched too.
  const attachShadow = Element.prototype.attachShadow;
  Object.defineProperty(Element.prototype, 'attachShadow', {
    value: function (this: Element, init: ShadowRootInit): ShadowRoot {
      const root = attachShadow.call(this, init);
      watch(root);
      return root;
    },
    writable: false,
    configurable: false,
  });

  function removeFrame(node: Node): void {
    if (!(node instanceof Element) || !node.matches(FRAME_SELECTOR)) return;
    node.remove();
    console.error(`[mini-socket-devtools] removed a <${node.localName}>: a mini-app has no nested frames (only my reaches the network)`);
  }
}
