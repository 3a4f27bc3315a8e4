// The sockets of one `my` client: the single-mode slot, its SocketTasks by id (a failed or closed task is
// remembered, so its send still answers 10), and every connection it opened, for force-close and shutdown.
import type { Connection } from './connection';

/** Closed or failed tasks remembered (so their send answers 10) before the oldest is forgotten. */
const MAX_REMEMBERED_TASKS = 256;

type TaskSlot = Connection | 'dead';

/** Whether `connection` exists and has not fully closed. */
export function isLive(connection: Connection | undefined): connection is Connection {
  return connection !== undefined && connection.state() !== 'CLOSED';
}

export interface ClientConnections {
  /** The connection a call's target names: null is the single-mode slot, else a task id. */
  of(target: string | null): Connection | undefined;
  /** Puts `connection` in the slot `target` names and keeps it until it has closed. */
  open(target: string | null, connection: Connection): void;
  /** Marks `target` as a failed connect: the single slot empties, a task id stays dead. */
  failed(target: string | null): void;
  liveTaskCount(): number;
  get(connectionId: string): Connection | undefined;
  live(): Connection[];
  all(): Connection[];
}

export function createClientConnections(): ClientConnections {
  const tasks = new Map<string, TaskSlot>();
  const opened = new Map<string, Connection>();
  let single: Connection | undefined;

  function rememberTask(target: string, slot: TaskSlot): void {
    tasks.delete(target);
    tasks.set(target, slot);
    if (tasks.size <= MAX_REMEMBERED_TASKS) return;
    for (const [id, old] of tasks) {
      if (old === 'dead' || old.state() === 'CLOSED') {
        tasks.delete(id);
        if (tasks.size <= MAX_REMEMBERED_TASKS) return;
      }
    }
  }

  return {
    of(target) {
      if (target === null) return single;
      const slot = tasks.get(target);
      return slot === 'dead' ? undefined : slot;
    },
    open(target, connection) {
      opened.set(connection.connectionId, connection);
      void connection.closed.then(() => opened.delete(connection.connectionId));
      if (target === null) single = connection;
      else rememberTask(target, connection);
    },
    failed(target) {
      if (target === null) single = undefined;
      else rememberTask(target, 'dead');
    },
    liveTaskCount() {
      let count = 0;
      for (const slot of tasks.values()) if (slot !== 'dead' && slot.state() !== 'CLOSED') count += 1;
      return count;
    },
    get: (connectionId) => opened.get(connectionId),
    live: () => [...opened.values()].filter(isLive),
    all: () => [...opened.values()],
  };
}
