// Emulated offline for a new connect (docs/debugging.md#network-conditions): `ws` is given a socket that
// fails the way a phone without network fails a lookup, so nothing is dialled and the app sees the same
// events as for an unreachable host (error 1, close 1006).
import { Socket } from 'node:net';

/** The error a connect meets while the emulated network is offline. */
function offlineError(): Error {
  return Object.assign(new Error('getaddrinfo ENOTFOUND (the emulated network is offline)'), { code: 'ENOTFOUND', syscall: 'getaddrinfo' });
}

/** `ws` client options whose connection fails at once with ENOTFOUND, without touching the network. */
export const offlineConnectOptions = {
  createConnection(): Socket {
    const socket = new Socket();
    setImmediate(() => socket.destroy(offlineError()));
    return socket;
  },
};
