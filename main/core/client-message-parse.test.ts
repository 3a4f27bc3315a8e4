import { describe, expect, it } from 'vitest';
import { clientMessageSchema } from '../../shared/my-wire';
import { hotSend, parseClientMessage } from './client-message-parse';

// Each as it arrives from JSON.parse (the bridge) or a structured clone (IPC).
const hot: unknown[] = [
  { op: 'send', callId: 0, target: null, options: { data: 'hello' } },
  { op: 'send', callId: 7, target: 'task-1', options: { data: 'aGVsbG8=', isBuffer: true } },
  { op: 'send', callId: 8, target: null, page: 'pages/index/index', options: { data: '' } },
  { options: { isBuffer: 1, data: 'x' }, page: 'p', target: 'x'.repeat(64), callId: 9, op: 'send' },
  { op: 'send', callId: 10, target: null, options: {} },
  { op: 'send', callId: 11, target: null, options: { data: null } },
];
const notHot: unknown[] = [
  { op: 'send', callId: 1, target: null, options: { data: { $binary: 'AAAA' } } },
  { op: 'send', callId: 1, target: null, options: { data: 'x', extra: 'y' } },
  { op: 'send', callId: 1, target: null, options: { data: 'x' }, unknownKey: 1 },
  { op: 'send', callId: 1, target: null, options: 'text' },
  { op: 'send', callId: 1, target: null, options: ['x'] },
  { op: 'send', callId: -1, target: null, options: { data: 'x' } },
  { op: 'send', callId: 1.5, target: null, options: { data: 'x' } },
  { op: 'send', callId: 2 ** 60, target: null, options: { data: 'x' } },
  { op: 'send', callId: '1', target: null, options: { data: 'x' } },
  { op: 'send', callId: 1, target: '', options: { data: 'x' } },
  { op: 'send', callId: 1, target: 'x'.repeat(65), options: { data: 'x' } },
  { op: 'send', callId: 1, options: { data: 'x' } },
  { op: 'send', callId: 1, target: null, page: 'p'.repeat(513), options: { data: 'x' } },
  { op: 'send', callId: 1, target: null, page: 3, options: { data: 'x' } },
  JSON.parse('{"op":"send","callId":1,"target":null,"options":{"data":"x","__proto__":{"a":1}}}'),
  { op: 'connect', callId: 1, target: null, options: { url: 'ws://127.0.0.1:1' } },
  Object.assign(Object.create({ inherited: true }) as object, { op: 'send', callId: 1, target: null, options: { data: 'x' } }),
  null,
  'send',
];

describe('client message validation', () => {
  it('checks the hot send shape by hand and yields exactly what the schema yields, keys in the same order', () => {
    for (const raw of hot) {
      const fast = hotSend(raw);
      const schema = clientMessageSchema.parse(raw);
      expect(fast).toEqual(schema);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(schema));
      expect(fast?.options).not.toBe((raw as { options: unknown }).options);
    }
  });

  it('leaves every other message, valid or not, to the schema, which decides and words the refusal', () => {
    for (const raw of notHot) {
      expect(hotSend(raw)).toBeUndefined();
      const parsed = parseClientMessage(raw);
      const schema = clientMessageSchema.safeParse(raw);
      expect(parsed.success).toBe(schema.success);
      if (parsed.success && schema.success) expect(parsed.data).toEqual(schema.data);
    }
    const refused = parseClientMessage({ op: 'send', callId: -1, target: null, options: { data: 'x' } });
    expect(refused).toEqual({ success: false, issues: expect.stringMatching(/^callId: /) as unknown });
  });
});
