// The single-mode part of the demo: one connection through the global `my` functions and listeners,
// an echo chat over the lab's echo endpoint (text and binary) with a live ticker, connected on load
// when the lab is there so the panel shows traffic at once.
import { bytesToBase64 } from '../../shared/my/bytes-to-base64';
import type { MySocketApi } from '../../shared/my/types';
import { base64ToUtf8, utf8ToBase64 } from './demo-env';
import { el, onEnter } from './dom';
import { createTicker } from './ticker';

type ChatState = 'idle' | 'connecting' | 'open' | 'closed';
type LineKind = 'out' | 'in' | 'system' | 'error';

const MAX_LINES = 200;
const STATE_LABEL: Record<ChatState, string> = { idle: 'Idle', connecting: 'Connecting…', open: 'Open', closed: 'Closed' };

/** How the chat starts. */
export interface ChatOptions {
  /** Connect as soon as the listeners are registered (the demo does when the lab's echo endpoint exists). */
  autoConnect: boolean;
}

/** Builds the echo chat card and registers the global socket listeners once, before any connect. */
export function createChat(my: MySocketApi, defaultUrl: string, options: ChatOptions): HTMLElement {
  let state: ChatState = 'idle';
  const pill = el('span', { className: 'pill' });
  const urlInput = el('input', { type: 'text', value: defaultUrl, placeholder: 'ws://…', className: 'grow' });
  urlInput.setAttribute('aria-label', 'Server URL');
  const connectButton = el('button', { type: 'button', className: 'primary', onClick: () => connect() }, 'Connect');
  const closeButton = el('button', { type: 'button', onClick: () => closeConnection() }, 'Close');
  const lines = el('ol', { className: 'lines' });
  lines.setAttribute('aria-label', 'Messages');
  const messageInput = el('input', { type: 'text', value: 'Hello, mini program!', className: 'grow' });
  messageInput.setAttribute('aria-label', 'Message');
  const sendButton = el('button', { type: 'button', className: 'primary', onClick: () => send(false) }, 'Send');
  const binaryButton = el('button', { type: 'button', title: 'Send the text as a binary frame (base64, isBuffer: true)', onClick: () => send(true) }, 'Binary');
  const ticker = createTicker((text, failed) => {
    my.sendSocketMessage({ data: text, fail: (result) => failed(`${result.error} ${result.errorMessage}`) });
  });

  // No <form>: the sandbox (no allow-forms) blocks submission, so Enter is handled by hand.
  onEnter(urlInput, () => connect());
  onEnter(messageInput, () => {
    if (state === 'open') send(false);
  });

  function render(): void {
    pill.textContent = STATE_LABEL[state];
    pill.className = `pill pill-${state}`;
    connectButton.disabled = state === 'connecting';
    closeButton.disabled = state !== 'open' && state !== 'connecting';
    sendButton.disabled = state !== 'open';
    binaryButton.disabled = state !== 'open';
  }

  function addLine(kind: LineKind, text: string, note?: string): void {
    const time = new Date().toLocaleTimeString([], { hour12: false });
    const arrow = kind === 'out' ? '↑' : kind === 'in' ? '↓' : kind === 'error' ? '!' : '•';
    const line = el('li', { className: `line line-${kind}` }, el('span', { className: 'line-meta' }, `${arrow} ${time}`), el('span', { className: 'line-text' }, text), note ? el('span', { className: 'line-note' }, note) : null);
    lines.append(line);
    while (lines.childElementCount > MAX_LINES) lines.firstElementChild?.remove();
    lines.scrollTop = lines.scrollHeight;
  }

  my.onSocketOpen(() => {
    state = 'open';
    addLine('system', 'Connected');
    render();
    ticker.opened();
  });
  my.onSocketMessage((event) => {
    if (!event.isBuffer && ticker.takeEcho(event.data)) return;
    if (!event.isBuffer) return addLine('in', event.data);
    // An ArrayBuffer when the session's "Incoming binary" setting asks for one (docs/behaviour.md#a14-incoming-binary-as-arraybuffer).
    const base64 = typeof event.data === 'string' ? event.data : bytesToBase64(new Uint8Array(event.data));
    const text = base64ToUtf8(base64);
    addLine('in', text ?? base64, text === undefined ? 'binary (base64)' : `binary · ${base64}`);
  });
  my.onSocketError((event) => addLine('error', `Error ${event.error}: ${event.errorMessage}`));
  my.onSocketClose((event) => {
    ticker.closed();
    state = 'closed';
    addLine('system', `Closed (${event.code}${event.reason ? ` ${event.reason}` : ''})`);
    render();
  });

  function connect(): void {
    const previous = state;
    state = 'connecting';
    render();
    my.connectSocket({
      url: urlInput.value.trim(),
      fail: (result) => {
        state = previous;
        addLine('error', `connectSocket failed with ${result.error}: ${result.errorMessage}`);
        render();
      },
    });
  }

  function send(binary: boolean): void {
    const text = messageInput.value;
    my.sendSocketMessage({
      data: binary ? utf8ToBase64(text) : text,
      isBuffer: binary,
      success: () => addLine('out', text, binary ? 'binary' : undefined),
      fail: (result) => addLine('error', `sendSocketMessage failed with ${result.error}: ${result.errorMessage}`),
    });
  }

  function closeConnection(): void {
    my.closeSocket({ fail: (result) => addLine('error', `closeSocket failed with ${result.error}: ${result.errorMessage}`) });
  }

  const card = el(
    'section',
    { className: 'card' },
    el('header', { className: 'card-head' }, el('h2', {}, 'Echo chat'), pill),
    el('p', { className: 'hint' }, 'Single mode: my.connectSocket, my.sendSocketMessage and the global my.onSocket* listeners.'),
    el('div', { className: 'row' }, urlInput, connectButton, closeButton),
    ticker.element,
    lines,
    el('div', { className: 'row' }, messageInput, sendButton, binaryButton),
  );
  card.dataset.part = 'chat';
  render();
  if (options.autoConnect) connect();
  return card;
}
