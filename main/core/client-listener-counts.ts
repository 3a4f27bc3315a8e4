// The page's listener counts per socket/event pair, as the panel shows them. The map goes into every state
// pushed to the panel, so a page cannot grow it past MAX_LISTENER_KEYS (docs/architecture.md#threat-model).

/** Socket/event pairs whose listener counts the panel is shown per page. */
export const MAX_LISTENER_KEYS = 1024;

export interface ListenerCounts {
  /** Records a pair's count; false when the pair is new and the map is full (the count is not kept). */
  set(key: string, count: number): boolean;
  snapshot(): Record<string, number>;
}

export function createListenerCounts(): ListenerCounts {
  const counts: Record<string, number> = {};
  let size = 0;
  return {
    set(key, count) {
      if (!Object.hasOwn(counts, key)) {
        if (size >= MAX_LISTENER_KEYS) return false;
        size += 1;
      }
      counts[key] = count;
      return true;
    },
    snapshot: () => ({ ...counts }),
  };
}
