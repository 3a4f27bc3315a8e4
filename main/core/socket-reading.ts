// Reading a server socket stops while the client it feeds cannot take more (a page or panel that stops
// reading its bridge, docs/architecture.md#threat-model): TCP then pushes back to the server, as a phone's
// full receive buffer would, and nothing is dropped. `ws` pauses only an OPEN socket.
import WebSocket from 'ws';

/** Starts or stops reading `ws`; a no-op when it already does so, or is not OPEN. */
export function setReading(ws: WebSocket, reading: boolean): void {
  if (reading) {
    if (ws.isPaused) ws.resume();
  } else if (ws.readyState === WebSocket.OPEN && !ws.isPaused) ws.pause();
}
