// The inspector's release-parity section for one connection: gathers the connection's entries from the
// shown ring (live or an imported HAR) and judges them against the session's settings (allowlist,
// strict wss, ignore certificate errors).
import { releaseParity } from '../../shared/release-parity';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { connectionCatalog } from '../capture/connection-catalog';
import { entryRing } from '../capture/entry-ring';
import { usePanelStore } from '../store/panel-store';
import { parityEntries } from './parity-entries';
import { ReleaseParityView } from './release-parity-view';

/** The verdict of `connectionId`, re-read whenever the ring or the settings change. */
export function ReleaseParity({ connectionId }: { connectionId: string }) {
  usePanelStore((state) => state.version);
  const settings = usePanelStore((state) => state.engineState?.settings) ?? DEFAULT_SETTINGS;
  const imported = usePanelStore((state) => state.source !== 'live');
  const entries = parityEntries(entryRing, connectionId, connectionCatalog.entriesOf(connectionId));
  const verdict = releaseParity(connectionId, entries, settings);
  const note = imported ? 'Judged with the current session settings (allowlist, certificate handling), not those of the recording.' : undefined;
  return <ReleaseParityView verdict={verdict} note={note} />;
}
