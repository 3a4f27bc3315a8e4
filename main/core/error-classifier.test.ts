import { describe, expect, it } from 'vitest';
import { classifyHandshakeError, classifyOpenError } from './error-classifier';

const err = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('classifyHandshakeError (c.1 order)', () => {
  it('7 for TLS failures, first', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO', 'HOSTNAME_MISMATCH']) {
      expect(classifyHandshakeError(err('tls said no', code))).toMatchObject({ code: 7, cause: `${code}: tls said no` });
    }
  });

  it('6 for the handshake timeout and ETIMEDOUT', () => {
    expect(classifyHandshakeError(err('Opening handshake has timed out'))).toMatchObject({ code: 6, errorMessage: 'Connection timed out. (Opening handshake has timed out)' });
    expect(classifyHandshakeError(err('connect ETIMEDOUT 10.0.0.1:443', 'ETIMEDOUT')).code).toBe(6);
  });

  it('9 for the three subprotocol messages, 8 for handshake validation', () => {
    for (const message of ['Server sent a subprotocol but none was requested', 'Server sent an invalid subprotocol', 'Server sent no subprotocol']) expect(classifyHandshakeError(err(message)).code).toBe(9);
    for (const message of ['Invalid Sec-WebSocket-Accept header', 'Invalid Upgrade header', 'Invalid Sec-WebSocket-Extensions header', 'Server sent a Sec-WebSocket-Extensions header but no extension was requested', 'Server indicated an extension that was not requested'])
      expect(classifyHandshakeError(err(message)).code).toBe(8);
  });

  it('1 for everything else, keeping the message and an HTTP status', () => {
    expect(classifyHandshakeError(err('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'))).toMatchObject({ code: 1, errorMessage: 'An unknown error. (connect ECONNREFUSED 127.0.0.1:1)', cause: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1' });
    expect(classifyHandshakeError(err('Unexpected server response: 503'))).toMatchObject({ code: 1, httpStatus: 503, cause: 'HTTP 503' });
    expect(classifyHandshakeError('a string thrown')).toMatchObject({ code: 1, errorMessage: 'An unknown error. (a string thrown)' });
    expect(classifyHandshakeError(null).code).toBe(1);
  });
});

describe('classifyOpenError', () => {
  it('12 for size and buffering limits, 1 for protocol violations', () => {
    for (const code of ['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH', 'WS_ERR_TOO_MANY_BUFFERED_PARTS']) expect(classifyOpenError(err('too big', code)).code).toBe(12);
    for (const code of ['WS_ERR_INVALID_UTF8', 'WS_ERR_INVALID_OPCODE', 'WS_ERR_INVALID_CLOSE_CODE']) expect(classifyOpenError(err('bad frame', code)).code).toBe(1);
  });
});
