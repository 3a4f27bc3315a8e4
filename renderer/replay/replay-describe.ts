// The words the replay views use for speeds, endings and plays (pure, so they are tested without React).
import type { ReplayEnd, ReplayEndpoint, ReplayPlay } from '../../shared/replay';

/** The speed choices: factor and label (0 = as fast as possible). */
export const SPEED_CHOICES: readonly { speed: number; label: string }[] = [
  { speed: 1, label: '1× (recorded timing)' },
  { speed: 2, label: '2× faster' },
  { speed: 10, label: '10× faster' },
  { speed: 100, label: '100× faster' },
  { speed: 0, label: 'as fast as possible' },
];

export function describeSpeed(speed: number): string {
  if (speed === 0) return 'as fast as possible';
  return speed === 1 ? 'recorded timing' : `${speed}× faster`;
}

/** How the replay ends, as the recording ended. */
export function describeEnd(end: ReplayEnd): string {
  switch (end.kind) {
    case 'server-close':
      return `then closes with ${end.code ?? 'no status (1005)'}${end.reason ? ` "${end.reason}"` : ''}`;
    case 'client-close':
      return 'then waits for the client to close (the app closed first)';
    case 'drop':
      return 'then drops the connection without a close frame (1006)';
    case 'open':
      return 'then stays open (the connection was still open when recorded)';
  }
}

const PLAY_WORDS: Record<ReplayPlay['state'], string> = {
  playing: 'playing',
  done: 'done',
  mismatch: 'mismatch',
  'client-closed': 'client left',
};

export function playStateWord(play: ReplayPlay | undefined): string {
  return play ? PLAY_WORDS[play.state] : 'waiting for a client';
}

/** What the replay sends and expects, e.g. "3 server messages, 3 app messages (matched)". */
export function describeContents(endpoint: ReplayEndpoint): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const app = `${plural(endpoint.appMessages, 'app message')} ${endpoint.options.matchSent ? '(waited for and checked)' : '(not checked)'}`;
  const cut = endpoint.truncated > 0 ? `; ${plural(endpoint.truncated, 'payload')} cut by the capture (sent as kept)` : '';
  return `${plural(endpoint.serverMessages, 'server message')}, ${app}${cut}`;
}

/** The newest play in words, e.g. "2 of 3 server messages sent — playing". */
export function describePlay(endpoint: ReplayEndpoint): string {
  const play = endpoint.lastPlay;
  if (!play) return 'No client has connected yet.';
  const matched = endpoint.options.matchSent ? `, ${play.matched} of ${endpoint.appMessages} app messages matched` : '';
  return `${play.sent} of ${endpoint.serverMessages} server messages sent${matched}. ${capitalize(play.detail)}.`.replace(/\.\.$/, '.');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
