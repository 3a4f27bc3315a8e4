// The capture download for CI: the HAR parses as HAR 1.2 with Chrome's `_webSocketMessages`, and it
// agrees with the JSONL export.
import * as z from 'zod';
import { harSchema } from '../shared/har';
import { harToCapture } from '../shared/har-import';
import { expect, test } from './harness/fixtures';
import { labUrl } from './harness/lab-endpoint';
import { inMiniapp } from './harness/miniapp-eval';

/** Chrome's `_webSocketMessages` item (front_end/models/har/Log.ts), checked here independently of our types. */
const chromeMessagesSchema = z.array(z.object({ type: z.enum(['send', 'receive', 'error']), time: z.number(), opcode: z.number().int(), data: z.string() }));

test('the capture HAR parses as HAR, with the frames of a `my` session as Chrome writes them', async ({ driver }) => {
  const frame = await driver.miniapp();
  const echo = labUrl(await driver.lab(), 'echo');
  const marker = `har-check-${Date.now()}`;
  await inMiniapp(
    frame,
    (my, arg) =>
      new Promise<void>((resolve) => {
        const task = my.connectSocket({ url: arg.url, multiple: true });
        task.onOpen(() => {
          task.send({ data: arg.marker });
          task.send({ data: 'AAEC', isBuffer: true });
        });
        let echoes = 0;
        task.onMessage(() => {
          echoes += 1;
          if (echoes === 2) void task.close({ code: 1000, reason: 'bye' });
        });
        task.onClose(() => resolve());
      }),
    { url: echo, marker },
  );

  const text = await driver.captureHar();
  const har: unknown = JSON.parse(text);
  const parsed = harSchema.safeParse(har);
  expect(parsed.success, parsed.success ? '' : parsed.error.message).toBe(true);
  if (!parsed.success) return;
  expect(parsed.data.log.version).toBe('1.2');
  const socketEntries = parsed.data.log.entries.map((candidate) => ({ candidate, messages: chromeMessagesSchema.parse(candidate._webSocketMessages ?? []) }));
  const found = socketEntries.find(({ messages }) => messages.some((message) => message.data === marker));
  expect(found?.candidate.request.url).toBe(echo);
  expect(found?.candidate._resourceType).toBe('websocket');
  const messages = found?.messages ?? [];
  expect(messages.filter((message) => message.data === marker).map((message) => `${message.type}:${message.opcode}`)).toEqual(['send:1', 'receive:1']);
  expect(messages.filter((message) => message.data === 'AAEC').map((message) => `${message.type}:${message.opcode}`)).toEqual(['send:2', 'receive:2']);

  const jsonl = await driver.capture();
  const fromHar = harToCapture(text);
  expect(fromHar.entries.map((e) => e.seq)).toEqual(jsonl.filter((e) => fromHar.entries.some((h) => h.seq === e.seq)).map((e) => e.seq));
  expect(fromHar.entries.length).toBeGreaterThan(0);
  await driver.screenshot('capture-export');
});
