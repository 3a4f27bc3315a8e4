// One line for what went wrong with the last user action (export, import) or the link; dismissible.
import { usePanelStore } from '../store/panel-store';
import './notice-bar.css';

/** The notice, or nothing. */
export function NoticeBar() {
  const notice = usePanelStore((state) => state.notice);
  const setNotice = usePanelStore((state) => state.setNotice);
  if (!notice) return null;
  return (
    <div className="notice-bar" role="alert">
      <span>{notice}</span>
      <button type="button" className="link-button" onClick={() => setNotice('')} aria-label="dismiss">
        ✕
      </button>
    </div>
  );
}
