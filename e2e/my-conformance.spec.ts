// `my` through the whole path: the mini-app document → its bridge → the engine → the real lab server
// → back. Orders follow docs/behaviour.md#states-and-event-order and the twelve codes of docs/behaviour.md#error-codes, with the seed's error text.
import { SOCKET_ERRORS, type SocketErrorCode } from '../shared/error-codes';
import { BLANK_MINIAPP, expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { inMiniapp } from './harness/miniapp-eval';
import { singleModeTrace, taskTrace } from './harness/socket-traces';

// The blank mini-app: no connection or listener of its own to interleave with the traces.
test.use({ miniappFolder: BLANK_MINIAPP });

/** The errorMessage starts with the seed's description of the code. */
function expectSeedText(message: string | undefined, code: SocketErrorCode): void {
  expect(message?.startsWith(SOCKET_ERRORS.get(code)?.description ?? '?'), `${message} should start with the text of ${code}`).toBe(true);
}

test('single mode: open, text and binary both ways, then close with 1000', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const trace = await singleModeTrace(frame, {
    connect: { url: labUrl(lab, 'echo') },
    sends: [{ data: 'hello' }, { data: 'AAEC/w==', isBuffer: true }, { data: '你好，小程序' }],
    closeAfterMessages: 3,
  });
  const socketEvents = trace.steps.filter((step) => !step.startsWith('send-') && step !== 'close-success');
  expect(socketEvents).toEqual(['success', 'complete', 'open', 'message:hello', 'message:bin:AAEC/w==', 'message:你好，小程序', 'close:1000']);
  expect(trace.steps.filter((step) => step === 'send-success')).toHaveLength(3);
  expect(trace.steps.indexOf('close-success')).toBeLessThan(trace.steps.indexOf('close:1000'));

  const frames = (await driver.capture()).filter((entry) => entry.kind === 'frame' && entry.name !== 'close');
  expect(frames.map((entry) => `${entry.direction}:${entry.name}:${entry.payload}`)).toEqual(
    expect.arrayContaining(['out:text:hello', 'in:text:hello', 'out:binary:AAEC/w==', 'in:binary:AAEC/w==', 'out:text:你好，小程序', 'in:text:你好，小程序']),
  );
  expect(frames.find((entry) => entry.payload === '你好，小程序')?.size).toBe(18);
  await driver.screenshot('conformance-echo');
});

test('codes 3, 4 and 5: connectSocket fails, then completes; no socket event follows', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const cases: [string, SocketErrorCode][] = [
    ['', 3],
    ['ws://exa mple.test/socket', 4],
    [labUrl(lab, 'echo').replace(/^ws:/, 'http:'), 5],
  ];
  for (const [url, code] of cases) {
    const trace = await singleModeTrace(frame, { connect: { url } });
    expect(trace.steps, url).toEqual([`fail:${code}`, 'complete']);
    expectSeedText(trace.messages[0], code);
  }
});

test('handshake failures 6, 7, 8, 9 and 1: success, then onSocketError, then onSocketClose 1006', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const cases: [string, SocketErrorCode, number?][] = [
    ['silent', 6, 1500],
    ['wss-echo', 7],
    ['bad-accept', 8],
    ['unrequested-protocol', 9],
    ['refused', 1],
    ['http-503', 1],
  ];
  for (const [name, code, timeout] of cases) {
    const trace = await singleModeTrace(frame, { connect: { url: labUrl(lab, name), ...(timeout ? { timeout } : {}) } });
    expect(trace.steps, name).toEqual(['success', 'complete', `error:${code}`, 'close:1006']);
    expectSeedText(trace.messages[0], code);
  }
  const http503 = (await driver.capture()).find((entry) => entry.kind === 'error' && entry.errorMessage?.includes('503'));
  expect(http503?.errorCode).toBe(1);
});

test('after open: a dropped connection gives 1 then close 1006; an oversized message gives 12', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const dropped = await singleModeTrace(frame, { connect: { url: labUrl(lab, 'drop') } });
  expect(dropped.steps).toEqual(['success', 'complete', 'open', 'error:1', 'close:1006']);
  const oversized = await singleModeTrace(frame, { connect: { url: labUrl(lab, 'oversized') } });
  expect(oversized.steps.slice(0, 4)).toEqual(['success', 'complete', 'open', 'error:12']);
  expect(oversized.steps).toHaveLength(5);
  expect(oversized.steps[4]).toMatch(/^close:(1006|1009)$/);
  expectSeedText(oversized.messages[0], 12);
});

test('sending: before open fails with 10; a write cut off by a reset fails with 11', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const early = await inMiniapp(
    frame,
    (my) =>
      new Promise<{ error: number; errorMessage: string }>((resolve) => {
        my.sendSocketMessage({ data: 'nobody is connected', fail: resolve });
      }),
    null,
  );
  expect(early.error).toBe(10);
  expectSeedText(early.errorMessage, 10);

  const connecting = await taskTrace(frame, { connect: { url: labUrl(lab, 'silent'), timeout: 1000 } });
  expect(connecting.steps).toEqual(['success', 'complete', 'error:6', 'close']);

  const cut = await taskTrace(frame, { connect: { url: labUrl(lab, 'reset-on-write') }, sendChars: 16 * 1024 * 1024 });
  expect(cut.steps.slice(0, 4)).toEqual(['success', 'complete', 'open', 'send-fail:11']);
  expect(cut.steps.at(-1)).toBe('close');
  expectSeedText(cut.messages[0], 11);
});

test('a task send before open fails with 10 on that task only', async ({ driver }) => {
  const frame = await driver.miniapp();
  const lab = await driver.lab();
  const result = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<string[]>((resolve) => {
        const steps: string[] = [];
        const task = my.connectSocket({ url, multiple: true });
        task.send({ data: 'too early', fail: (r) => steps.push(`send-fail:${r.error}`) });
        task.onOpen(() => {
          steps.push('open');
          task.send({ data: 'now', success: () => steps.push('send-success') });
        });
        task.onMessage((m) => {
          steps.push(`message:${m.data}`);
          void task.close({ complete: () => resolve(steps) });
        });
      }),
    // A loopback echo can open within the bridge's hop; /slow-open answers late, as a real server does.
    labUrl(lab, 'slow-open'),
  );
  expect(result).toEqual(['send-fail:10', 'open', 'send-success', 'message:now']);
});

test('single mode: a second connect replaces the first (its close comes before the new success); with "reject" it fails with 2', async ({ driver }) => {
  const frame = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  const replaced = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<string[]>((resolve) => {
        const steps: string[] = [];
        let opens = 0;
        const onClose = (event: { code: number }) => steps.push(`close:${event.code}`);
        const onOpen = () => {
          opens += 1;
          steps.push(`open#${opens}`);
          if (opens === 1) {
            my.connectSocket({ url: `${url}?second=1`, success: () => steps.push('success#2') });
            return;
          }
          void my.closeSocket({
            complete: () =>
              setTimeout(() => {
                my.offSocketOpen(onOpen);
                my.offSocketClose(onClose);
                resolve(steps);
              }, 300),
          });
        };
        my.onSocketOpen(onOpen);
        my.onSocketClose(onClose);
        my.connectSocket({ url, success: () => steps.push('success#1') });
      }),
    echo,
  );
  expect(replaced).toEqual(['success#1', 'open#1', 'close:1000', 'success#2', 'open#2', 'close:1000']);

  await driver.updateSettings({ singleModePolicy: 'reject' });
  try {
    const rejected = await inMiniapp(
      frame,
      (my, url) =>
        new Promise<string[]>((resolve) => {
          const steps: string[] = [];
          const onOpen = () => {
            steps.push('open');
            my.connectSocket({
              url,
              fail: (r) => steps.push(`fail:${r.error}`),
              complete: () => {
                steps.push('complete');
                my.sendSocketMessage({ data: 'first still open', success: () => steps.push('send-success') });
              },
            });
          };
          my.onSocketOpen(onOpen);
          my.onSocketMessage((m) => {
            steps.push(`message:${m.data}`);
            my.offSocketOpen(onOpen);
            void my.closeSocket({ complete: () => resolve(steps) });
          });
          my.connectSocket({ url });
        }),
      echo,
    );
    expect(rejected).toEqual(['open', 'fail:2', 'complete', 'send-success', 'message:first still open']);
  } finally {
    await driver.updateSettings({ singleModePolicy: 'replace' });
  }
});

test('tasks: five live at most, the sixth fails with 1; task events never reach the global listeners', async ({ driver }) => {
  const frame = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  const result = await inMiniapp(
    frame,
    (my, url) =>
      new Promise<{ opened: number; sixth: string; globalEvents: number; afterClose: string }>((resolve) => {
        let globalEvents = 0;
        my.onSocketOpen(() => (globalEvents += 1));
        my.onSocketMessage(() => (globalEvents += 1));
        my.onSocketClose(() => (globalEvents += 1));
        const tasks = Array.from({ length: 5 }, () => my.connectSocket({ url, multiple: true }));
        let opened = 0;
        tasks.forEach((task) =>
          task.onOpen(() => {
            opened += 1;
            task.send({ data: 'echo me' });
            if (opened < 5) return;
            my.connectSocket({
              url,
              multiple: true,
              fail: (sixth) => {
                const first = tasks[0];
                if (!first) return;
                first.onClose(() => {
                  const seventh = my.connectSocket({ url, multiple: true, fail: (r) => resolve({ opened, sixth: `${sixth.error} ${sixth.errorMessage}`, globalEvents, afterClose: `fail ${r.error}` }) });
                  seventh.onOpen(() => {
                    tasks.forEach((t) => void t.close({}));
                    void seventh.close({ complete: () => resolve({ opened, sixth: `${sixth.error} ${sixth.errorMessage}`, globalEvents, afterClose: 'open' }) });
                  });
                });
                void first.close({});
              },
            });
          }),
        );
      }),
    echo,
  );
  expect(result.opened).toBe(5);
  expect(result.sixth).toMatch(/^1 An unknown error\..*exceed each tiny app max socket count/);
  expect(result.afterClose).toBe('open');
  expect(result.globalEvents).toBe(0);
  await driver.screenshot('conformance-tasks');
});

test('incoming binary "ArrayBuffer" setting: global and task listeners get the echoed bytes as an ArrayBuffer, text stays text', async ({ driver }) => {
  const frame = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  await driver.updateSettings({ incomingBinary: 'arraybuffer' });
  try {
    const received = await inMiniapp(
      frame,
      (my, url) =>
        new Promise<{ global: [boolean, number[] | string][]; task: [boolean, number[] | string][] }>((resolve) => {
          const describe = (data: string | ArrayBuffer): [boolean, number[] | string] =>
            data instanceof ArrayBuffer ? [true, [...new Uint8Array(data)]] : [false, data];
          const global: [boolean, number[] | string][] = [];
          const task: [boolean, number[] | string][] = [];
          let closed = 0;
          // Both echoes in: close both, and resolve once both closes were heard (no event goes unheard).
          const done = () => {
            if (global.length < 2 || task.length < 2) return;
            void my.closeSocket({});
            void socketTask.close({});
          };
          const onClosed = () => {
            closed += 1;
            if (closed < 2) return;
            my.offSocketMessage();
            my.offSocketClose();
            resolve({ global, task });
          };
          my.onSocketClose(onClosed);
          my.onSocketOpen(() => {
            my.offSocketOpen();
            void my.sendSocketMessage({ data: 'AAEC/w==', isBuffer: true });
            void my.sendSocketMessage({ data: 'text' });
          });
          my.onSocketMessage((message) => {
            global.push(describe(message.data));
            done();
          });
          my.connectSocket({ url });
          const socketTask = my.connectSocket({ url, multiple: true });
          socketTask.onOpen(() => {
            void socketTask.send({ data: 'gICA', isBuffer: true });
            void socketTask.send({ data: 'text' });
          });
          socketTask.onMessage((message) => {
            task.push(describe(message.data));
            done();
          });
          socketTask.onClose(onClosed);
        }),
      echo,
    );
    expect(received.global).toEqual([
      [true, [0, 1, 2, 255]],
      [false, 'text'],
    ]);
    expect(received.task).toEqual([
      [true, [128, 128, 128]],
      [false, 'text'],
    ]);
    // The capture keeps base64: only what the listeners get changes.
    const incoming = (await driver.capture()).filter((entry) => entry.kind === 'frame' && entry.direction === 'in' && entry.name === 'binary');
    expect(incoming.map((entry) => entry.payload)).toEqual(expect.arrayContaining(['AAEC/w==', 'gICA']));

    await driver.panel.locator('summary', { hasText: 'Session settings' }).click();
    const select = driver.panel.getByRole('combobox', { name: 'Incoming binary' });
    await expect(select).toHaveValue('arraybuffer');
    await select.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await driver.screenshot('settings-incoming-binary');
  } finally {
    await driver.updateSettings({ incomingBinary: 'base64' });
  }
});
