// Saved sessions as the panel sees them (the `sessions-*` panel requests, GET /api/sessions). A session is
// one run's capture saved on disk in full (docs/session-storage.md).
import * as z from 'zod';
import type { TextMatcher } from './text-matcher';

/** One saved session in the list. */
export interface SessionInfo {
  id: string;
  startedAt: number;
  /** null while live. */
  endedAt: number | null;
  miniapp: string;
  entries: number;
  bytes: number;
  live: boolean;
  /** It ended in a crash; what it holds is the valid prefix recovery kept. */
  recovered: boolean;
}

/** The `sessions-list` reply body (as JSON): oldest first, and which one is this run's. */
export interface SessionList {
  sessions: SessionInfo[];
  liveId: string | null;
  /** The seq the live capture starts at (the run's first, or the next after the last Clear); null without a live session. */
  liveFromSeq: number | null;
}

/** A session folder name: its start time and a random suffix. */
export const sessionIdSchema = z.string().regex(/^[0-9A-Za-z-]{1,80}$/);

/** Most entries one `session-read` returns (a page the panel applies without a long task). */
export const MAX_SESSION_READ = 5000;

/** Most match seqs a `live-filter` reply carries (the most recent ones; the rest are counted). */
export const MAX_LIVE_FILTER_SEQS = 300_000;

/** The `live-filter` reply body: the text filter over the live capture, searched in the run's session on disk. */
export interface LiveFilterMatches {
  /** How the text was understood, as the filter box says. */
  mode: TextMatcher['mode'];
  /** Entries searched on disk. */
  scanned: number;
  /** Matching entries in all. */
  matches: number;
  /** Seqs of the most recent matches (at most MAX_LIVE_FILTER_SEQS), ascending. */
  seqs: number[];
}
