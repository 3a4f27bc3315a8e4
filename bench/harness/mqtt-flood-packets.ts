// The MQTT flood both decoder measurements send: PUBLISH packets made by mqtt-packet, each one different (16
// topics in turn, a counter in the payload, so no cache can answer), and the filter word that matches one topic.
import mqttPacket from 'mqtt-packet';

export const MQTT_FLOOD_TOPICS = 16;
/** A plain word, so the raw-text pre-check serves the `topic:` filter on it (docs/architecture.md#decoding-cost). */
export const MQTT_FILTER_WORD = 'alipay/orders/7';

/** The flood's packet number `index`. */
export function mqttFloodPacket(index: number): Buffer {
  return mqttPacket.generate({ cmd: 'publish', topic: `alipay/orders/${index % MQTT_FLOOD_TOPICS}`, payload: Buffer.from(`${index}`.padStart(64, 'a')), qos: 0, retain: false, dup: false });
}

/** How many of the first `count` packets a `topic:` filter on `MQTT_FILTER_WORD` matches (topics run 0–15, so only topic 7). */
export function mqttFilterHits(count: number): number {
  return Math.ceil((count - 7) / MQTT_FLOOD_TOPICS);
}
