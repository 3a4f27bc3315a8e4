// The line over the log while the Messages view of a connection is open: which connection, its URL,
// and the way back to the full log.
import { closeMessages, useMessagesView } from '../store/messages-view';
import { usePanelStore } from '../store/panel-store';
import './messages-banner.css';

export function MessagesBanner() {
  const connectionId = useMessagesView((state) => state.connectionId);
  const url = usePanelStore((state) => state.engineState?.connections.find((info) => info.connectionId === connectionId)?.url);
  if (connectionId === null) return null;
  const shownUrl = url ?? '';
  return (
    <div className="messages-banner" role="status" aria-label="messages view">
      <b>Messages</b> of {connectionId}
      {shownUrl && (
        <span className="messages-url" title={shownUrl}>
          {shownUrl}
        </span>
      )}
      <span className="messages-legend">
        <span className="legend-out">↑ sent</span> <span className="legend-in">↓ received</span>
      </span>
      <button type="button" onClick={closeMessages} title="Back to the full log with the filters from before">
        ✕ All entries
      </button>
    </div>
  );
}
