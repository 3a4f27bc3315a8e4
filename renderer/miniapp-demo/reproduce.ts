// "Reproduce 1 … 12": each button produces its error code through the real condition (on the lab server
// where one is needed) and shows the code and message `my` answered. Task mode is used wherever the code
// allows, so the chat's single-mode connection is left alone.
import type { LabEndpoint } from '../../shared/panel-wire';
import type { ConnectSocketOptions, MySocketApi, SocketTask } from '../../shared/my/types';
import { endpointFor } from './demo-env';
import { el } from './dom';

/** What a reproduction ended with. */
export interface ReproOutcome {
  /** The error code `my` reported, if any. */
  code?: number;
  message: string;
  /** Which callback or event reported it. */
  via: string;
}

interface Scenario {
  code: number;
  label: string;
  condition: string;
  run(): Promise<ReproOutcome>;
}

const TIMEOUT_MS = 20_000;
const WRITE_ATTEMPTS = 3;
/** Big enough that the write is still in flight when the server resets the connection. */
const LARGE_WRITE_BYTES = 16 * 1024 * 1024;

type Finish = (outcome: ReproOutcome) => void;
type TaskConnect = Omit<ConnectSocketOptions, 'multiple' | 'success' | 'fail' | 'complete'>;

interface WatchOptions {
  onOpen?: (task: SocketTask, finish: Finish) => void;
  /** Wait this long after an error event for a call's own failure, which then wins (error 11 vs the drop's 1). */
  errorGraceMs?: number;
}

/** Opens a SocketTask and settles on its first fail or error (or close / timeout without one), then closes it. */
function watchTask(my: MySocketApi, connect: TaskConnect, options: WatchOptions = {}): Promise<ReproOutcome> {
  return new Promise((resolve) => {
    let done = false;
    const finish: Finish = (outcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(outcome);
      void task.close({ fail: () => undefined });
    };
    const timer = setTimeout(() => finish({ message: `No error within ${TIMEOUT_MS / 1000} s.`, via: 'timeout' }), TIMEOUT_MS);
    const task = my.connectSocket({
      ...connect,
      multiple: true,
      fail: (result) => finish({ code: result.error, message: result.errorMessage, via: 'connectSocket fail' }),
    });
    task.onError((event) => {
      const outcome = { code: event.error, message: event.errorMessage, via: 'task.onError' };
      if (options.errorGraceMs === undefined) finish(outcome);
      else setTimeout(() => finish(outcome), options.errorGraceMs);
    });
    task.onClose(() => {
      if (options.errorGraceMs === undefined) finish({ message: 'The task closed without an error.', via: 'task.onClose' });
    });
    task.onOpen(() => options.onOpen?.(task, finish));
  });
}

/**
 * Sends large messages on an open task until one fails: the write-failure endpoint stops reading once a
 * message starts and resets the connection while the write is still in flight.
 */
function sendUntilFailure(task: SocketTask, finish: Finish, attempt = 1): void {
  task.send({
    data: 'x'.repeat(LARGE_WRITE_BYTES),
    success: () => {
      if (attempt < WRITE_ATTEMPTS) setTimeout(() => sendUntilFailure(task, finish, attempt + 1), 100);
      else finish({ message: `${WRITE_ATTEMPTS} writes succeeded.`, via: 'task.send success' });
    },
    fail: (result) => finish({ code: result.error, message: result.errorMessage, via: 'task.send fail' }),
  });
}

function missing(code: number): Promise<ReproOutcome> {
  return Promise.resolve({ message: `The lab server has no endpoint for ${code} (is the host running the lab?).`, via: 'demo' });
}

/** The twelve scenarios over the given lab endpoints. */
export function scenarios(my: MySocketApi, endpoints: LabEndpoint[], echoUrl: string): Scenario[] {
  const lab = (code: number, connect: (endpoint: LabEndpoint) => Promise<ReproOutcome>) => {
    const endpoint = endpointFor(endpoints, code);
    return endpoint ? connect(endpoint) : missing(code);
  };
  return [
    {
      code: 1,
      label: 'Dropped',
      condition: 'The server drops the TCP connection right after the handshake (or the port refuses).',
      run: () => lab(1, (endpoint) => watchTask(my, { url: endpoint.url })),
    },
    {
      code: 2,
      label: 'Reconnect',
      condition: "A second single-mode connectSocket while one lives. Needs the panel's single-mode policy set to 'reject'; with 'replace' the old connection is replaced instead.",
      run: () =>
        new Promise((resolve) => {
          const fail = (result: { error: number; errorMessage: string }) => resolve({ code: result.error, message: result.errorMessage, via: 'connectSocket fail' });
          my.connectSocket({ url: echoUrl, multiple: false, fail });
          my.connectSocket({
            url: echoUrl,
            multiple: false,
            fail,
            success: () => resolve({ message: "No error: the single-mode policy is 'replace', so the second connect replaced the first. Set it to 'reject' in the panel.", via: 'connectSocket success' }),
          });
        }),
    },
    { code: 3, label: 'Empty URL', condition: "connectSocket({ url: '' })", run: () => watchTask(my, { url: '' }) },
    { code: 4, label: 'Bad URL', condition: 'A URL with a space in its host.', run: () => watchTask(my, { url: 'ws://exa mple.test/socket' }) },
    { code: 5, label: 'http URL', condition: 'An http:// URL instead of ws:// or wss://.', run: () => watchTask(my, { url: echoUrl.replace(/^ws/, 'http') }) },
    {
      code: 6,
      label: 'Timeout',
      condition: 'The server never answers the handshake; connectSocket gives timeout: 1500.',
      run: () => lab(6, (endpoint) => watchTask(my, { url: endpoint.url, timeout: 1500 })),
    },
    { code: 7, label: 'Bad cert', condition: 'wss:// to a server with a self-signed certificate.', run: () => lab(7, (endpoint) => watchTask(my, { url: endpoint.url })) },
    { code: 8, label: 'Bad accept', condition: 'The server answers 101 with a wrong Sec-WebSocket-Accept.', run: () => lab(8, (endpoint) => watchTask(my, { url: endpoint.url })) },
    { code: 9, label: 'Subprotocol', condition: 'The server picks a subprotocol that was not requested.', run: () => lab(9, (endpoint) => watchTask(my, { url: endpoint.url })) },
    {
      code: 10,
      label: 'Send early',
      condition: 'task.send right after connectSocket, before the open event (the server answers its handshake late).',
      run: () =>
        lab(10, (endpoint) => new Promise((resolve) => {
          const task = my.connectSocket({ url: endpoint.url, multiple: true });
          task.send({
            data: 'too early',
            success: () => resolve({ message: 'The send succeeded.', via: 'task.send success' }),
            fail: (result) => resolve({ code: result.error, message: result.errorMessage, via: 'task.send fail' }),
            complete: () => void task.close({ fail: () => undefined }),
          });
        })),
    },
    {
      code: 11,
      label: 'Write fails',
      condition: 'The server breaks the stream after opening, so a write fails while the socket is still OPEN.',
      run: () => lab(11, (endpoint) => watchTask(my, { url: endpoint.url }, { onOpen: sendUntilFailure, errorGraceMs: 5000 })),
    },
    { code: 12, label: 'Too large', condition: 'The server sends a message larger than the allowed maximum.', run: () => lab(12, (endpoint) => watchTask(my, { url: endpoint.url })) },
  ];
}

/** Builds the reproduction card. */
export function createReproduce(my: MySocketApi, endpoints: LabEndpoint[], echoUrl: string): HTMLElement {
  const results = el('ol', { className: 'results' });
  results.setAttribute('aria-label', 'Reproduction results');

  async function run(scenario: Scenario): Promise<void> {
    const badge = el('span', { className: 'badge' }, String(scenario.code));
    const text = el('span', { className: 'result-text' }, `${scenario.label}: waiting…`);
    const row = el('li', { className: 'result result-pending', dataset: { expected: String(scenario.code) } }, badge, text);
    results.prepend(row);
    while (results.childElementCount > 12) results.lastElementChild?.remove();
    row.scrollIntoView({ block: 'nearest' });
    const outcome = await scenario.run();
    const matched = outcome.code === scenario.code;
    row.className = `result ${matched ? 'result-ok' : 'result-miss'}`;
    row.dataset.code = outcome.code === undefined ? '' : String(outcome.code);
    badge.textContent = outcome.code === undefined ? '–' : String(outcome.code);
    text.replaceChildren(
      el('strong', {}, outcome.code === undefined ? 'No error code' : `Error ${outcome.code}`),
      ` ${outcome.message}`,
      el('span', { className: 'result-via' }, ` via ${outcome.via}`),
    );
  }

  const buttons = scenarios(my, endpoints, echoUrl).map((scenario) => {
    const button = el('button', { type: 'button', className: 'repro', title: scenario.condition, onClick: () => void run(scenario) }, el('span', { className: 'repro-code' }, String(scenario.code)), el('span', { className: 'repro-label' }, scenario.label));
    button.setAttribute('aria-label', `Reproduce ${scenario.code}`);
    return button;
  });

  const card = el(
    'section',
    { className: 'card' },
    el('header', { className: 'card-head' }, el('h2', {}, 'Reproduce an error')),
    el('p', { className: 'hint' }, 'Each button triggers its error code through the real condition on the lab server. Hover a button to see how.'),
    el('div', { className: 'repro-grid' }, ...buttons),
    results,
  );
  card.dataset.part = 'reproduce';
  return card;
}
