import { describe, expect, it } from 'vitest';
import { socketError } from '../../shared/error-codes';
import { entry } from '../timeline/test-support/timeline-entries';
import { describeProblem } from './describe-problem';
import { explainWarning } from './warning-catalog';

describe('warning explanations', () => {
  it('fall back to a generic explanation titled with the id for unknown ids', () => {
    expect(explainWarning('brand-new-check').title).toBe('brand-new-check');
  });
});

describe('describeProblem', () => {
  it('maps a warning entry to its explanation and keeps the engine message', () => {
    const warning = entry(4, 10, { kind: 'warning', name: 'warning', detail: { warning: 'send-before-open', message: 'state CONNECTING' } });
    const description = describeProblem(warning);
    expect(description).toMatchObject({ seq: 4, severity: 'warning', warningId: 'send-before-open', message: 'state CONNECTING' });
    expect(description.title).toBe(explainWarning('send-before-open').title);
    expect(description.fix).toContain('onSocketOpen');
  });

  it('gives an error event its code, the seed text and remedy, and the raw cause', () => {
    const error = entry(7, 60, { kind: 'error', name: 'error', errorCode: 7, errorMessage: 'The HTTPS certificate returned by the server is invalid.', cause: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    const description = describeProblem(error);
    expect(description).toMatchObject({
      severity: 'error',
      code: 7,
      origin: 'error event',
      seedText: socketError(7).description,
      remedy: socketError(7).solution,
      cause: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(description.title).toBe('Error 7: The HTTPS certificate returned by the server is invalid.');
  });

  it('names the failed call for fail results, and copes with codes outside the table', () => {
    const failed = describeProblem(entry(2, 1, { kind: 'result', name: 'sendSocketMessage', errorCode: 10 }));
    expect(failed).toMatchObject({ code: 10, origin: 'sendSocketMessage failed', remedy: socketError(10).solution });
    const odd = describeProblem(entry(3, 1, { kind: 'result', name: 'fail', errorCode: 20, detail: { call: 'connectSocket' } }));
    expect(odd).toMatchObject({ code: 20, title: 'Error 20', origin: 'connectSocket failed' });
    expect(odd.remedy).toBeUndefined();
  });

  it('leaves the remedy out where the client table gives none ("-", error 1) rather than show a dash', () => {
    expect(socketError(1).solution).toBe('-');
    const unknown = describeProblem(entry(5, 1, { kind: 'error', name: 'error', errorCode: 1, errorMessage: 'An unknown error.' }));
    expect(unknown).toMatchObject({ code: 1, seedText: 'An unknown error.' });
    expect(unknown.remedy).toBeUndefined();
  });
});

describe('client profile wording (docs/behaviour.md#client-profiles)', () => {
  it('an entry stamped alipay-cn reads with the China table: 3 is "already exists", 20 is "use wss"', () => {
    const exists = describeProblem(entry(4, 1, { kind: 'result', name: 'connectSocket', errorCode: 3, detail: { clientProfile: 'alipay-cn', callId: 2, ok: false } }));
    expect(exists.title).toBe('Error 3: 该appId，SocketTaskID对应的WebSocket已存在');
    expect(exists.remedy).toContain('close it before creating another');
    expect(exists.meaning).toBe(socketError(2).meaning);
    const wss = describeProblem(entry(5, 1, { kind: 'result', name: 'connectSocket', errorCode: 20, detail: { clientProfile: 'alipay-cn' } }));
    expect(wss).toMatchObject({ title: 'Error 20: 请求url不支持ws，请使用wss', remedy: expect.stringContaining('use wss') });
    const seedThree = describeProblem(entry(6, 1, { kind: 'result', name: 'connectSocket', errorCode: 3 }));
    expect(seedThree.title).toBe(`Error 3: ${socketError(3).description}`);
  });
});
