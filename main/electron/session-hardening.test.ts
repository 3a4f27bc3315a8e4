import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { preventable } from './test-support/fake-electron';
import { confineMiniappSession, denyAllPermissions, isAllowedMiniappRequest } from './session-hardening';

/** Fake of Electron's Session: records the handlers the hardening installs. */
class FakeSession extends EventEmitter {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: (() => boolean) | null = null;
  deviceHandler: (() => boolean) | null = null;
  beforeRequest: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  headersReceived:
    | ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void)
    | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: NonNullable<FakeSession['beforeRequest']>) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: NonNullable<FakeSession['headersReceived']>) => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: () => boolean): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceHandler = handler;
  }
}

function requestDecision(session: FakeSession, url: string): boolean | undefined {
  let cancelled: boolean | undefined;
  session.beforeRequest?.({ url }, (response) => {
    cancelled = response.cancel;
  });
  return cancelled;
}

describe('session hardening', () => {
  it('denies every permission request, check and device permission', () => {
    const session = new FakeSession();
    denyAllPermissions(session);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      session.requestHandler?.({}, permission, (answer) => {
        granted = answer;
      });
      expect(granted).toBe(false);
    }
    expect(session.checkHandler?.()).toBe(false);
    expect(session.deviceHandler?.()).toBe(false);
  });

  it('lets the mini-app reach only its own origin plus data: and blob:', () => {
    expect(isAllowedMiniappRequest('miniapp://app/index.html', 'miniapp://app')).toBe(true);
    expect(isAllowedMiniappRequest('data:image/png;base64,AAAA', 'miniapp://app')).toBe(true);
    expect(isAllowedMiniappRequest('blob:miniapp://app/5f0c', 'miniapp://app')).toBe(true);
    expect(isAllowedMiniappRequest('ws://127.0.0.1:9000/echo', 'miniapp://app')).toBe(false);
    expect(isAllowedMiniappRequest('https://example.com/x.js', 'miniapp://app')).toBe(false);
    expect(isAllowedMiniappRequest('app://panel/index.html', 'miniapp://app')).toBe(false);
    // A mini-app loaded from a URL: its own origin only, not its WebSocket twin.
    expect(isAllowedMiniappRequest('http://127.0.0.1:5173/main.js', 'http://127.0.0.1:5173')).toBe(true);
    expect(isAllowedMiniappRequest('ws://127.0.0.1:5173/', 'http://127.0.0.1:5173')).toBe(false);
  });

  it('cancels foreign requests, prevents downloads, denies permissions and adds the CSP header', () => {
    const session = new FakeSession();
    const log: string[] = [];
    confineMiniappSession(session, { origin: 'miniapp://app', csp: "connect-src 'none'" }, (message) => log.push(message));

    expect(requestDecision(session, 'miniapp://app/app.js')).toBe(false);
    expect(requestDecision(session, 'wss://example.com/socket')).toBe(true);
    expect(log).toContain('blocked a mini-app request to wss://example.com/socket');

    const download = preventable({});
    session.emit('will-download', download, { getURL: () => 'miniapp://app/big.zip' });
    expect(download.defaultPrevented).toBe(true);

    let granted: boolean | undefined;
    session.requestHandler?.({}, 'media', (answer) => {
      granted = answer;
    });
    expect(granted).toBe(false);

    let headers: Record<string, string[]> | undefined;
    session.headersReceived?.({ responseHeaders: { 'content-type': ['text/html'] } }, (response) => {
      headers = response.responseHeaders;
    });
    expect(headers).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': ["connect-src 'none'"] });
  });
});
