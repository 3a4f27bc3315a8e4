// The one URL-mapping decision (docs/debugging.md#map-remote) and the --map-remote argument.
import { describe, expect, it } from 'vitest';
import type { MapRemoteRule } from './map-remote';
import { mapRemoteUrl, parseMapRemoteArg } from './map-remote';

const rule = (from: string, to: string, enabled = true): MapRemoteRule => ({ id: 'r', enabled, from, to });

describe('mapRemoteUrl', () => {
  it('matches scheme, host, port and a path prefix on a segment boundary; keeps the rest of the path and the query', () => {
    const rules = [rule('wss://api.example.com/chat', 'ws://127.0.0.1:9000/echo')];
    expect(mapRemoteUrl('wss://api.example.com/chat', rules).url).toBe('ws://127.0.0.1:9000/echo');
    expect(mapRemoteUrl('wss://api.example.com:443/chat/a/b?x=1&y=2', rules).url).toBe('ws://127.0.0.1:9000/echo/a/b?x=1&y=2');
    expect(mapRemoteUrl('wss://api.example.com/chatter', rules)).toEqual({ url: 'wss://api.example.com/chatter' });
    expect(mapRemoteUrl('ws://api.example.com/chat', rules).rule).toBeUndefined();
    expect(mapRemoteUrl('wss://api.example.com:8443/chat', rules).rule).toBeUndefined();
    expect(mapRemoteUrl('wss://other.example.com/chat', rules).rule).toBeUndefined();
  });

  it('a host-only rule maps every path; the first enabled match wins; a broken URL is left alone', () => {
    const rules = [rule('wss://a.test', 'ws://127.0.0.1:1/x', false), rule('wss://a.test/', 'ws://127.0.0.1:2'), rule('wss://a.test', 'ws://127.0.0.1:3')];
    expect(mapRemoteUrl('wss://a.test/p?q=1', rules).url).toBe('ws://127.0.0.1:2/p?q=1');
    expect(mapRemoteUrl('not a url', rules)).toEqual({ url: 'not a url' });
  });
});

describe('parseMapRemoteArg', () => {
  it('splits at the = before the second scheme, so = inside the first URL survives', () => {
    expect(parseMapRemoteArg('wss://api.example.com/chat?a=b=ws://127.0.0.1:9000/echo', 'cli-1')).toEqual({ id: 'cli-1', enabled: true, from: 'wss://api.example.com/chat?a=b', to: 'ws://127.0.0.1:9000/echo' });
  });
  it('explains what is wrong with a bad argument', () => {
    expect(parseMapRemoteArg('wss://api.example.com', 'x')).toMatch(/needs <from>=<to>/);
    expect(parseMapRemoteArg('nonsense=ws://127.0.0.1:1', 'x')).toMatch(/needs <from>=<to>|not an absolute URL/);
  });
});
