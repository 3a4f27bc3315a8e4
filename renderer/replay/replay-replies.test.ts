import { describe, expect, it } from 'vitest';
import { parseReplayEndpoint, parseReplayList } from './replay-replies';

const endpoint = { id: 'abc', url: 'ws://127.0.0.1:1/replay/abc', label: 's1' };

describe('replay replies', () => {
  it('reads an endpoint and a list, and nothing else', () => {
    expect(parseReplayEndpoint(JSON.stringify(endpoint))).toEqual(endpoint);
    expect(parseReplayEndpoint('{"id":"abc"}')).toBeUndefined();
    expect(parseReplayEndpoint('not json')).toBeUndefined();
    expect(parseReplayList(JSON.stringify({ version: 3, replays: [endpoint] }))).toEqual({ version: 3, replays: [endpoint] });
    expect(parseReplayList(JSON.stringify({ version: 3, replays: [endpoint, { id: 1 }] }))).toBeUndefined();
    expect(parseReplayList(JSON.stringify({ version: '3', replays: [] }))).toBeUndefined();
    expect(parseReplayList('null')).toBeUndefined();
  });
});
