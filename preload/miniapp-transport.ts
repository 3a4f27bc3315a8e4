// The mini-app's MyTransport over Electron IPC: each ClientMessage goes out on its op's `my:*` channel,
// and the engine's messages (one, or a batch) come in on `my:engine` (the logic link: `my-logic:*`).
// The Electron event object never reaches `my`.
import { PAGE_LINK_CHANNELS, type MyIpcChannels } from '../shared/electron-ipc';
import type { ClientMessage, EngineLinkMessage, MyTransport } from '../shared/my-wire';

/** The parts of Electron's ipcRenderer the transport uses. */
export interface MiniappIpc {
  send(channel: string, message: ClientMessage): void;
  on(channel: string, listener: (event: unknown, message: EngineLinkMessage) => void): unknown;
}

/** A transport whose send throws when IPC cannot serialize the message (createMy then fails the call). */
export function createIpcMyTransport(ipc: MiniappIpc, channels: MyIpcChannels = PAGE_LINK_CHANNELS): MyTransport {
  const listeners: ((message: EngineLinkMessage) => void)[] = [];
  ipc.on(channels.engine, (_event, message) => {
    for (const listener of listeners) listener(message);
  });
  return {
    send(message) {
      const channel = channels.calls[message.op];
      if (channel === undefined) throw new TypeError(`no IPC channel for op ${JSON.stringify(message.op)}`);
      ipc.send(channel, message);
    },
    onMessage(listener) {
      listeners.push(listener);
    },
  };
}
