// One line saying what a non-problem timeline entry is (a call, a lifecycle step, an open, a close, a
// frame), for the timeline tooltip. Problems get the full ProblemDetails instead.
import type { CaptureEntry } from '../../shared/capture';
import { closeCodeOf, closeReasonOf, urlOf } from './classify-entry';
import { describeNetworkEntry } from './describe-network';

/** A short, plain-text description of an entry (see the module comment). */
export function describeEntry(entry: CaptureEntry): string {
  switch (entry.kind) {
    case 'call': {
      const url = entry.name === 'connectSocket' ? urlOf(entry) : undefined;
      return url !== undefined ? `${entry.name} ${url}` : `${entry.name}()`;
    }
    case 'lifecycle':
      if (entry.name === 'open') {
        const protocol = entry.detail?.protocol;
        return typeof protocol === 'string' && protocol !== '' ? `open (subprotocol ${protocol})` : 'open';
      }
      if (entry.name === 'closed') return `closed ${describeClose(entry)}${typeof entry.detail?.closedFirstBy === 'string' ? `, closed first by ${entry.detail.closedFirstBy}` : ''}`;
      if (entry.name.startsWith('network-')) return describeNetworkEntry(entry);
      if (entry.name.startsWith('app-')) return describeAppEntry(entry);
      if (entry.name === 'handshake-response' && typeof entry.detail?.status === 'number') return `handshake response HTTP ${entry.detail.status}`;
      return entry.name;
    case 'frame':
      if (entry.name === 'close') return `close frame ${entry.direction === 'out' ? 'sent' : 'received'} ${describeClose(entry)}`;
      return `${entry.direction === 'out' ? 'sent' : 'received'} ${entry.name} frame, ${entry.size} B`;
    case 'result':
      return `${entry.name} answered success`;
    default:
      return entry.name;
  }
}

/** "app to the background (sockets stay open)", "app to the foreground after 12 s", "app in the background 30 s: 2 sockets closed with 1001". */
function describeAppEntry(entry: CaptureEntry): string {
  const detail = entry.detail ?? {};
  if (entry.name === 'app-background') return `app to the background (${typeof detail.closeAfterSeconds === 'number' ? `sockets close after ${detail.closeAfterSeconds} s` : 'sockets stay open'})`;
  if (entry.name === 'app-foreground') return `app to the foreground after ${String(detail.backgroundSeconds ?? 0)} s${detail.reason === 'page load' ? ' (a page load)' : ''}`;
  if (entry.name === 'app-background-close') return `app in the background ${String(detail.seconds)} s: ${String(detail.sockets)} socket(s) closed with ${String(detail.code)}`;
  return entry.name;
}

function describeClose(entry: CaptureEntry): string {
  const code = closeCodeOf(entry);
  const reason = closeReasonOf(entry);
  return `${code ?? '(no code)'}${reason ? ` "${reason}"` : ''}`;
}
