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

function describeClose(entry: CaptureEntry): string {
  const code = closeCodeOf(entry);
  const reason = closeReasonOf(entry);
  return `${code ?? '(no code)'}${reason ? ` "${reason}"` : ''}`;
}
