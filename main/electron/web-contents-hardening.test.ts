import { describe, expect, it } from 'vitest';
import { KNOWN_INBOUND_CHANNELS } from '../../shared/electron-ipc';
import { FakeWebContents, preventable } from './test-support/fake-electron';
import { hardenWebContents } from './web-contents-hardening';

// What app.on('web-contents-created') installs, on the fake of Electron's WebContents (fake-electron.ts).
describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents('miniapp://app/');
    const log: string[] = [];
    hardenWebContents(contents, KNOWN_INBOUND_CHANNELS, (message) => log.push(message));
    return { contents, log };
  }

  it('denies every window.open', () => {
    const { contents, log } = hardened();
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(log).toEqual(['blocked a new window for https://example.com/']);
  });

  it('keeps WebRTC off UDP (no proxy is configured, so a peer connection reaches nothing)', () => {
    const { contents } = hardened();
    expect(contents.webRtcPolicy).toBe('disable_non_proxied_udp');
  });

  it('prevents <webview> attachment', () => {
    const { contents } = hardened();
    const event = preventable({});
    contents.emit('will-attach-webview', event, { preload: '/evil.js' }, { src: 'https://example.com/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('logs IPC on unknown channels and leaves known ones alone', () => {
    const { contents, log } = hardened();
    contents.emit('ipc-message', {}, 'my:send');
    contents.emit('ipc-message', {}, 'panel:request');
    expect(log).toEqual([]);
    contents.emit('ipc-message', {}, 'shell:openExternal');
    expect(log).toEqual(['rejected IPC on unknown channel "shell:openExternal"']);
  });

  it('answers synchronous IPC with null so the sender never blocks', () => {
    const { contents, log } = hardened();
    const event: { returnValue: unknown } = { returnValue: undefined };
    contents.emit('ipc-message-sync', event, 'my:send');
    expect(event.returnValue).toBeNull();
    expect(log).toEqual(['rejected synchronous IPC on channel "my:send"']);
  });
});
