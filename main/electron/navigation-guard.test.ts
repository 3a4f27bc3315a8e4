import { describe, expect, it } from 'vitest';
import { FakeWebContents, preventable } from './test-support/fake-electron';
import { installNavigationGuard, isAllowedNavigation } from './navigation-guard';

// Drives the guard through the fake of Electron's WebContents (fake-electron.ts).
describe('navigation guard', () => {
  it('decides by origin: same origin passes, anything else is refused', () => {
    const origin = 'miniapp://app';
    expect(isAllowedNavigation({ url: 'miniapp://app/page2.html' }, origin)).toBe(true);
    expect(isAllowedNavigation({ url: 'https://example.com/' }, origin)).toBe(false);
    expect(isAllowedNavigation({ url: 'miniapp://other/' }, origin)).toBe(false);
    expect(isAllowedNavigation({ url: 'file:///etc/passwd' }, origin)).toBe(false);
    expect(isAllowedNavigation({ url: 'javascript:alert(1)' }, origin)).toBe(false);
    expect(isAllowedNavigation({ url: 'about:blank', isMainFrame: true }, origin)).toBe(false);
    expect(isAllowedNavigation({ url: 'about:blank', isMainFrame: false }, origin)).toBe(true);
    expect(isAllowedNavigation({ url: 'data:text/html,x', isMainFrame: false }, origin)).toBe(false);
  });

  it('prevents will-navigate, will-frame-navigate and will-redirect away from the origin', () => {
    const contents = new FakeWebContents('app://panel/index.html');
    const blocked: string[] = [];
    installNavigationGuard(contents, 'app://panel', (url) => blocked.push(url));

    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = preventable({ url: 'https://evil.example/', isMainFrame: true });
      contents.emit(event, away);
      expect(away.defaultPrevented).toBe(true);
      const inside = preventable({ url: 'app://panel/other.html', isMainFrame: true });
      contents.emit(event, inside);
      expect(inside.defaultPrevented).toBe(false);
    }
    expect(blocked).toEqual(['https://evil.example/', 'https://evil.example/', 'https://evil.example/']);
  });
});
