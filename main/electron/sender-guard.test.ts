import { describe, expect, it } from 'vitest';
import { FakeWebContents, fakeFrame } from './test-support/fake-electron';
import { originOf } from './origin';
import { isTrustedSender } from './sender-guard';

// Uses the fake of Electron's WebContents / WebFrameMain / IpcMainEvent (fake-electron.ts).
describe('originOf', () => {
  it('computes origins of our custom schemes the way Chromium does, and null where there is none', () => {
    expect(originOf('app://panel/index.html')).toBe('app://panel');
    expect(originOf('miniapp://APP/x/y.html?q#h')).toBe('miniapp://app');
    expect(originOf('http://127.0.0.1:8080/a')).toBe('http://127.0.0.1:8080');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('isTrustedSender', () => {
  const panel = new FakeWebContents('app://panel/index.html');
  const expected = { contents: panel, origin: 'app://panel' };

  it('accepts the main frame of the expected webContents at the expected origin', () => {
    expect(isTrustedSender({ sender: panel, senderFrame: panel.mainFrame }, expected)).toBe(true);
  });

  it('accepts a fresh frame object for the same main frame (same process and frame tree node)', () => {
    const sameFrame = { ...panel.mainFrame };
    expect(isTrustedSender({ sender: panel, senderFrame: sameFrame }, expected)).toBe(true);
  });

  it('rejects a wrong origin', () => {
    const frame = { ...panel.mainFrame, url: 'https://evil.example/index.html' };
    expect(isTrustedSender({ sender: panel, senderFrame: frame }, expected)).toBe(false);
    const lookalike = { ...panel.mainFrame, url: 'app://panel.evil/index.html' };
    expect(isTrustedSender({ sender: panel, senderFrame: lookalike }, expected)).toBe(false);
  });

  it('rejects a subframe, even one at the right origin', () => {
    const subframe = fakeFrame('app://panel/frame.html', { parent: panel.mainFrame });
    expect(isTrustedSender({ sender: panel, senderFrame: subframe }, expected)).toBe(false);
  });

  it('rejects a missing (null) frame', () => {
    expect(isTrustedSender({ sender: panel, senderFrame: null }, expected)).toBe(false);
  });

  it('rejects a wrong webContents, even with a main frame at the right origin', () => {
    const other = new FakeWebContents('app://panel/index.html');
    expect(isTrustedSender({ sender: other, senderFrame: other.mainFrame }, expected)).toBe(false);
    expect(isTrustedSender({ sender: panel, senderFrame: other.mainFrame }, expected)).toBe(false);
  });
});
