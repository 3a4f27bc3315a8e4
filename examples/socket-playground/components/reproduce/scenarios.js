// "Reproduce 1 … 12": each scenario causes its error code through the real condition (on the lab server
// where one is needed) and resolves with the code and message my answered. Task mode is used wherever the
// code allows, so the chat's single-mode connection is left alone.
import { endpointFor } from '../../utils/lab';

const TIMEOUT_MS = 20000;
const WRITE_ATTEMPTS = 3;
/** Big enough that the write is still in flight when the server resets the connection. */
const LARGE_WRITE_BYTES = 16 * 1024 * 1024;

/** Opens a SocketTask and settles on its first fail or error (or close / timeout without one), then closes it. */
function watchTask(connect, options = {}) {
  return new Promise((resolve) => {
    let done = false;
    let task;
    const finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
      task.close({ fail: () => undefined });
    };
    const timer = setTimeout(() => finish({ message: `No error within ${TIMEOUT_MS / 1000} s.`, via: 'timeout' }), TIMEOUT_MS);
    task = my.connectSocket({ ...connect, multiple: true, fail: (result) => finish({ code: result.error, message: result.errorMessage, via: 'connectSocket fail' }) });
    task.onError((event) => {
      const outcome = { code: event.error, message: event.errorMessage, via: 'task.onError' };
      if (options.errorGraceMs === undefined) finish(outcome);
      else setTimeout(() => finish(outcome), options.errorGraceMs);
    });
    task.onClose(() => {
      if (options.errorGraceMs === undefined) finish({ message: 'The task closed without an error.', via: 'task.onClose' });
    });
    task.onOpen(() => options.onOpen && options.onOpen(task, finish));
  });
}

/** Sends large messages on an open task until one fails (the endpoint resets the connection mid-write). */
function sendUntilFailure(task, finish, attempt = 1) {
  task.send({
    data: 'x'.repeat(LARGE_WRITE_BYTES),
    success: () => {
      if (attempt < WRITE_ATTEMPTS) setTimeout(() => sendUntilFailure(task, finish, attempt + 1), 100);
      else finish({ message: `${WRITE_ATTEMPTS} writes succeeded.`, via: 'task.send success' });
    },
    fail: (result) => finish({ code: result.error, message: result.errorMessage, via: 'task.send fail' }),
  });
}

function onLab(code, connect) {
  const endpoint = endpointFor(code);
  if (endpoint) return connect(endpoint);
  return Promise.resolve({ message: `The lab server has no endpoint for ${code} (is the host running the lab?).`, via: 'demo' });
}

function secondSingleConnect(echoUrl) {
  return new Promise((resolve) => {
    const fail = (result) => resolve({ code: result.error, message: result.errorMessage, via: 'connectSocket fail' });
    my.connectSocket({ url: echoUrl, multiple: false, fail });
    my.connectSocket({
      url: echoUrl,
      multiple: false,
      fail,
      success: () => resolve({ message: "No error: the single-mode policy is 'replace', so the second connect replaced the first. Set it to 'reject' in the panel.", via: 'connectSocket success' }),
    });
  });
}

function sendBeforeOpen(url) {
  return new Promise((resolve) => {
    const task = my.connectSocket({ url, multiple: true });
    task.send({
      data: 'too early',
      success: () => resolve({ message: 'The send succeeded.', via: 'task.send success' }),
      fail: (result) => resolve({ code: result.error, message: result.errorMessage, via: 'task.send fail' }),
      complete: () => task.close({ fail: () => undefined }),
    });
  });
}

/** The twelve scenarios: code, label, the condition, and how to run it. */
export const SCENARIOS = [
  { code: 1, label: 'Dropped', condition: 'The server drops the TCP connection right after the handshake.', run: () => onLab(1, (endpoint) => watchTask({ url: endpoint.url })) },
  { code: 2, label: 'Reconnect', condition: "A second single-mode connectSocket while one lives (needs the single-mode policy 'reject').", run: (echoUrl) => secondSingleConnect(echoUrl) },
  { code: 3, label: 'Empty URL', condition: "connectSocket({ url: '' })", run: () => watchTask({ url: '' }) },
  { code: 4, label: 'Bad URL', condition: 'A URL with a space in its host.', run: () => watchTask({ url: 'ws://exa mple.test/socket' }) },
  { code: 5, label: 'http URL', condition: 'An http:// URL instead of ws:// or wss://.', run: (echoUrl) => watchTask({ url: echoUrl.replace(/^ws/, 'http') }) },
  { code: 6, label: 'Timeout', condition: 'The server never answers the handshake; timeout: 1500.', run: () => onLab(6, (endpoint) => watchTask({ url: endpoint.url, timeout: 1500 })) },
  { code: 7, label: 'Bad cert', condition: 'wss:// to a server with a self-signed certificate.', run: () => onLab(7, (endpoint) => watchTask({ url: endpoint.url })) },
  { code: 8, label: 'Bad accept', condition: 'The server answers 101 with a wrong Sec-WebSocket-Accept.', run: () => onLab(8, (endpoint) => watchTask({ url: endpoint.url })) },
  { code: 9, label: 'Subprotocol', condition: 'The server picks a subprotocol that was not requested.', run: () => onLab(9, (endpoint) => watchTask({ url: endpoint.url })) },
  { code: 10, label: 'Send early', condition: 'task.send right after connectSocket, before the open event (the server answers its handshake late).', run: () => onLab(10, (endpoint) => sendBeforeOpen(endpoint.url)) },
  { code: 11, label: 'Write fails', condition: 'The server breaks the stream after opening, so a write fails.', run: () => onLab(11, (endpoint) => watchTask({ url: endpoint.url }, { onOpen: sendUntilFailure, errorGraceMs: 5000 })) },
  { code: 12, label: 'Too large', condition: 'The server sends a message larger than the allowed maximum.', run: () => onLab(12, (endpoint) => watchTask({ url: endpoint.url })) },
];
