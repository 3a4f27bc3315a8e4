// The Project section (docs/miniprogram-runtime.md "Opening projects"): what the preview shows and its last
// reload, another project to open (a path field and the recent projects; under Electron also the system's
// folder dialog), and the current page of a mini-program with its query and the page stack.
import { useEffect, useState } from 'react';
import type { ClientInfo } from '../../shared/panel-wire';
import type { PreviewInfo } from '../../shared/preview-wire';
import { usePanelStore } from '../store/panel-store';
import { usePreferencesStore } from '../store/preferences-store';
import { usePreviewStore, withRecentProject } from '../store/preview-store';
import './controls.css';
import './project-panel.css';
import { FormError } from './form-error';

const MODE_LABEL: Record<PreviewInfo['mode'], string> = { miniprogram: 'mini-program project', html: 'HTML mini-app', url: 'served from a URL' };

/** "a=1&b=x" for a page query; "(none)" when empty. */
export function describeQuery(query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text === '' ? '(none)' : text;
}

/** The page stack of the newest mini-program page client that reported one. */
export function currentStack(clients: readonly ClientInfo[] | undefined): NonNullable<ClientInfo['pageStack']> {
  const reporting = (clients ?? []).filter((client) => client.pageStack !== undefined);
  return reporting.at(-1)?.pageStack ?? [];
}

function lastReload(preview: PreviewInfo): string {
  if (preview.reason === 'edit') return `Reloaded after an edit of ${preview.changed?.join(', ') ?? 'its files'}`;
  if (preview.reason === 'open') return 'Opened from the panel';
  return preview.watching ? 'Edits of its files reload it' : 'Reload it by hand after edits';
}

export function ProjectPanel() {
  const preview = usePreviewStore((state) => state.preview);
  const replier = usePanelStore((state) => state.replier);
  const clients = usePanelStore((state) => state.engineState?.clients);
  const loaded = usePreferencesStore((state) => state.loaded);
  const recent = usePreferencesStore((state) => state.preferences.recentProjects);
  const [path, setPath] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const project = preview?.project;

  useEffect(() => {
    if (!loaded || project === undefined) return;
    const { preferences, update } = usePreferencesStore.getState();
    if (preferences.recentProjects?.[0] !== project) update({ recentProjects: withRecentProject(preferences.recentProjects, project) });
  }, [loaded, project]);

  if (!preview || !replier) return <p className="msd-muted">The project appears once the engine is connected.</p>;

  async function open(target: string): Promise<void> {
    if (!replier || target.trim() === '') return;
    setBusy(true);
    setError('');
    try {
      await replier.request({ kind: 'open-project', path: target.trim() });
      setPath('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  async function choose(): Promise<void> {
    if (!replier) return;
    try {
      const folder = await replier.request({ kind: 'choose-project-folder' });
      if (typeof folder === 'string' && folder !== '') await open(folder);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const stack = currentStack(clients);
  const top = stack.at(-1);
  return (
    <div className="msd-form msd-project" aria-label="Project">
      <p className="msd-project__current">
        <strong title={preview.project}>{preview.project}</strong> <span className="msd-muted">({MODE_LABEL[preview.mode]})</span>
      </p>
      <p className="msd-muted" role="status" aria-label="Last reload">
        {lastReload(preview)}
      </p>
      {top && (
        <dl className="msd-project__page" aria-label="Current page">
          <dt>Page</dt>
          <dd>{top.route}</dd>
          <dt>Query</dt>
          <dd>{describeQuery(top.query)}</dd>
          <dt>Stack</dt>
          <dd>{stack.map((page) => page.route).join(' › ')}</dd>
        </dl>
      )}
      <form
        className="msd-row"
        onSubmit={(event) => {
          event.preventDefault();
          void open(path);
        }}
      >
        <label className="msd-field">
          <span className="msd-field__label">Project folder or URL</span>
          <input type="text" value={path} onChange={(event) => setPath(event.target.value)} placeholder="/path/to/project" />
        </label>
        <button type="submit" disabled={busy || path.trim() === ''}>
          Open
        </button>
        {window.__MSD_CONFIG__ === undefined && (
          <button type="button" onClick={() => void choose()}>
            Choose folder…
          </button>
        )}
      </form>
      <FormError message={error} />
      {recent && recent.length > 0 && (
        <ul className="msd-project__recent" aria-label="Recent projects">
          {recent.map((entry) => (
            <li key={entry}>
              <button type="button" className="msd-link" disabled={busy || entry === preview.project} title={entry} onClick={() => void open(entry)}>
                {entry}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
