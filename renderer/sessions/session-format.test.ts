import { describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../shared/session-wire';
import { formatBytes, formatEnd, sessionFileName } from './session-format';
import { lastWindowStart } from './sessions-client';

const session = (patch: Partial<SessionInfo>): SessionInfo => ({ id: '2026-12-06T07-11-58-995Z-49563a', startedAt: 0, endedAt: null, miniapp: '', entries: 0, bytes: 0, live: false, recovered: false, ...patch });

describe('saved session formatting', () => {
  it('says sizes in 1024-based units', () => {
    expect(formatBytes(846)).toBe('846 B');
    expect(formatBytes(20.2 * 1024 * 1024)).toBe('20.2 MB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GB');
  });

  it('says "running" for a live session and — for one that never ended', () => {
    expect(formatEnd(session({ live: true }))).toBe('running');
    expect(formatEnd(session({ live: false }))).toBe('—');
    expect(sessionFileName(session({}), 'jsonl')).toBe('mini-socket-session-2026-12-06T07-11-58-995Z-49563a.jsonl');
  });

  it('opens a session larger than the ring at its most recent entries', () => {
    expect(lastWindowStart(session({ entries: 230_018 }), 200_000)).toBe(30_018);
    expect(lastWindowStart(session({ entries: 5 }), 200_000)).toBe(0);
  });
});
