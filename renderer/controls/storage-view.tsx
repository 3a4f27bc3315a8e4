// The panel's view of my storage (docs/behaviour.md#storage-mirror): each project's keys with their JSON
// values, editable. Edits go to the engine's store; a running page sees them after a reload, because its
// Sync calls read the mirror it was seeded with.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StorageWrite } from '../../shared/my-wire';
import type { StorageListing } from '../../shared/panel-wire';
import { usePanelStore } from '../store/panel-store';

export function StorageView() {
  const replier = usePanelStore((state) => state.replier);
  const [listing, setListing] = useState<StorageListing | null>(null);
  const [note, setNote] = useState('');

  const refresh = useCallback(async () => {
    if (!replier) return;
    try {
      setListing(JSON.parse(String(await replier.request({ kind: 'storage-list' }))) as StorageListing);
    } catch (error) {
      setNote(`Could not read storage: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [replier]);

  // Read when shown: on mount, and each time the folding section around it opens (pages write while it is closed).
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void refresh();
    const section = root.current?.closest('details');
    const onToggle = (): void => void (section?.open && refresh());
    section?.addEventListener('toggle', onToggle);
    return () => section?.removeEventListener('toggle', onToggle);
  }, [refresh]);

  const write = useCallback(
    async (project: string, storageWrite: StorageWrite) => {
      if (!replier) return;
      try {
        await replier.request({ kind: 'storage-write', project, write: storageWrite });
        setNote('Saved. Reload the mini-app for its pages to see the change.');
      } catch (error) {
        setNote(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
      }
      await refresh();
    },
    [replier, refresh],
  );

  if (!replier) return <p className="msd-controls msd-muted">Not connected to the engine yet.</p>;
  return (
    <div ref={root} className="msd-controls msd-form" aria-label="my storage">
      <div className="msd-row msd-row--actions">
        <span className="msd-muted">Projects whose pages ran in this session.</span>
        <button type="button" className="msd-button msd-button--small" onClick={() => void refresh()}>
          Refresh
        </button>
      </div>
      {note && <p className="msd-muted">{note}</p>}
      {listing?.projects.length === 0 && <p className="msd-muted">No page has used storage yet.</p>}
      {listing?.projects.map(({ project, entries }) => (
        <ProjectStorage key={project} project={project} entries={entries} write={(storageWrite) => void write(project, storageWrite)} />
      ))}
    </div>
  );
}

function ProjectStorage({ project, entries, write }: { project: string; entries: Record<string, string>; write: (storageWrite: StorageWrite) => void }) {
  const [newKey, setNewKey] = useState('');
  const [newValue, setNewValue] = useState('""');
  const keys = Object.keys(entries);
  return (
    <section className="msd-controls__section" aria-label={`storage of ${project}`}>
      <div className="msd-row msd-row--actions">
        <strong className="mono wrap">{project}</strong>
        <button type="button" className="msd-button msd-button--small" disabled={keys.length === 0} onClick={() => write({ op: 'storage', action: 'clear' })}>
          Clear all
        </button>
      </div>
      {keys.map((key) => (
        <StorageEntry key={`${key}=${entries[key] ?? ''}`} storageKey={key} value={entries[key] ?? ''} write={write} />
      ))}
      <div className="msd-row">
        <label className="msd-field msd-field--narrow">
          <span className="msd-field__label">New key</span>
          <input value={newKey} onChange={(event) => setNewKey(event.target.value)} />
        </label>
        <label className="msd-field">
          <span className="msd-field__label">Value (JSON)</span>
          <input className="mono" value={newValue} onChange={(event) => setNewValue(event.target.value)} />
        </label>
        <button type="button" className="msd-button msd-button--small" disabled={newKey === ''} onClick={() => write({ op: 'storage', action: 'set', key: newKey, value: newValue })}>
          Add
        </button>
      </div>
    </section>
  );
}

function StorageEntry({ storageKey, value, write }: { storageKey: string; value: string; write: (storageWrite: StorageWrite) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <div className="msd-row">
      <label className="msd-field">
        <span className="msd-field__label mono">{storageKey}</span>
        <input className="mono" aria-label={`value of ${storageKey}`} value={draft} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="button" className="msd-button msd-button--small" disabled={draft === value} onClick={() => write({ op: 'storage', action: 'set', key: storageKey, value: draft })}>
        Save
      </button>
      <button type="button" className="msd-button msd-button--small" onClick={() => write({ op: 'storage', action: 'remove', key: storageKey })}>
        Delete
      </button>
    </div>
  );
}
