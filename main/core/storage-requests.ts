// A panel's requests about my storage (docs/behaviour.md#storage-mirror): list every project's keys, and
// write one key as the app would. Written through the engine's store, so a page attached later sees it.
import type { PanelRequest, StorageListing } from '../../shared/panel-wire';
import type { Engine, PanelSink } from './ports';

/** The requests this module answers. */
export type StorageRequest = Extract<PanelRequest, { kind: 'storage-list' | 'storage-write' }>;

export interface StorageRequests {
  handle(request: StorageRequest): void;
}

/** Answers one panel's storage requests. */
export function createStorageRequests(engine: Engine, deliver: PanelSink): StorageRequests {
  return {
    handle(request) {
      if (request.kind === 'storage-list') {
        // The panel's own `my` client has a store too ('panel'); it is no mini-app's storage.
        const listing: StorageListing = { projects: engine.storage().projects().filter(({ project }) => project !== 'panel') };
        deliver({ kind: 'reply', requestId: request.requestId, ok: true, body: JSON.stringify(listing) });
        return;
      }
      if (request.write.action === 'set' && parseJsonValue(request.write.value) === undefined) {
        deliver({ kind: 'reply', requestId: request.requestId, ok: false, error: 'the value must be JSON text ("text", 42, {"a":1} …)' });
        return;
      }
      const refused = engine.storage().open(request.project).apply(request.write);
      deliver(refused ? { kind: 'reply', requestId: request.requestId, ok: false, error: refused.errorMessage } : { kind: 'reply', requestId: request.requestId, ok: true, body: '' });
    },
  };
}

/** The value of a JSON text, or undefined when it is not JSON. */
function parseJsonValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
