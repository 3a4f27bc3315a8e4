// A real `my` (createMy) wired to a scripted peer, for the client's unit tests.
import { createMy } from '../create-my';
import { createScriptedPeer } from './scripted-peer';

/** The peer and the `my` it answers; `defaultMultiple` as app.json would set it. */
export function setupScriptedMy(options: Parameters<typeof createScriptedPeer>[0] = {}, defaultMultiple?: boolean) {
  const peer = createScriptedPeer(options);
  const my = createMy(peer.client, defaultMultiple === undefined ? {} : { defaultMultiple });
  return { peer, my };
}
