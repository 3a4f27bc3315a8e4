// How a saved session reads in the list: times, size, what it holds.
import type { SessionInfo } from '../../shared/session-wire';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-06 07:11:58` in local time. */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Bytes as B, KB, MB or GB (1024-based, one decimal from KB up). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** The end: a time, 'running' for the live one, or the last entry's time for a recovered one. */
export function formatEnd(session: SessionInfo): string {
  if (session.endedAt === null) return session.live ? 'running' : '—';
  return formatTime(session.endedAt);
}

/** The file name a session is downloaded as. */
export function sessionFileName(session: SessionInfo, format: 'har' | 'jsonl'): string {
  return `mini-socket-session-${session.id}.${format}`;
}
