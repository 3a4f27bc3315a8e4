// The disk cap on all sessions together: when over, whole sessions go, oldest first; the live ones never.
export const DEFAULT_SESSIONS_CAP_BYTES = 2 * 1024 ** 3;

export interface CappedSession {
  id: string;
  startedAt: number;
  bytes: number;
  live: boolean;
}

/** The sessions to delete (oldest first) so the total fits in capBytes, and whether it then fits. */
export function sessionsOverCap(sessions: readonly CappedSession[], capBytes: number): { remove: string[]; fits: boolean } {
  let total = sessions.reduce((sum, session) => sum + session.bytes, 0);
  const remove: string[] = [];
  const oldestFirst = sessions.filter((session) => !session.live).sort((a, b) => a.startedAt - b.startedAt || a.id.localeCompare(b.id));
  for (const session of oldestFirst) {
    if (total <= capBytes) break;
    remove.push(session.id);
    total -= session.bytes;
  }
  return { remove, fits: total <= capBytes };
}
