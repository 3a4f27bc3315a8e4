import { describe, expect, it } from 'vitest';
import { miniappContentPolicy, panelContentPolicy } from './content-policy';

describe('content policies', () => {
  it("gives Electron's panel no network and no frames", () => {
    expect(panelContentPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("adds the browser host's nonce, bridge and mini-app frame to the same base", () => {
    const policy = panelContentPolicy({ scriptSrc: "'nonce-abc'", connectSrc: 'ws://127.0.0.1:1/panel', frameSrc: 'http://127.0.0.1:2' });
    expect(policy).toContain("script-src 'self' 'nonce-abc'; ");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:1/panel; frame-src http://127.0.0.1:2; object-src 'none'");
  });

  it('lets the mini-app reach only its my link', () => {
    expect(miniappContentPolicy({ connectSrc: "'none'" })).toBe("default-src 'self' 'unsafe-inline' data: blob:; connect-src 'none'; frame-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'");
    expect(miniappContentPolicy({ connectSrc: 'ws://127.0.0.1:3/my', frameAncestors: 'http://127.0.0.1:1' })).toMatch(/connect-src ws:\/\/127\.0\.0\.1:3\/my; .*; frame-ancestors http:\/\/127\.0\.0\.1:1$/);
  });
});
