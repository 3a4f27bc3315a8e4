// Which decoder a connection gets without asking (docs/architecture.md#decoder-detection): only signals that cannot
// mean anything else — the negotiated subprotocol, or Socket.IO's `EIO=` query on its `/socket.io/` path.
// msgpack and protobuf frames carry no such mark; the user chooses them per connection.
import type { DecoderChoice } from './decoder-types';

const MQTT_PROTOCOLS = new Set(['mqtt', 'mqttv3.1']);
const STOMP_PROTOCOLS = new Set(['v10.stomp', 'v11.stomp', 'v12.stomp', 'stomp']);

export function detectDecoder(url: string, subprotocol: string | undefined): DecoderChoice | undefined {
  const protocol = subprotocol?.trim().toLowerCase();
  if (protocol && MQTT_PROTOCOLS.has(protocol)) return { decoder: 'mqtt' };
  if (protocol && STOMP_PROTOCOLS.has(protocol)) return { decoder: 'stomp' };
  try {
    const parsed = new URL(url);
    if (parsed.pathname.includes('/socket.io/') && parsed.searchParams.has('EIO')) return { decoder: 'socket.io' };
  } catch {
    return undefined;
  }
  return undefined;
}
