// 8. Decoder cost: what decoding every captured frame costs the flood throughput (target: at most 10 %).
// A real `ws` server on 127.0.0.1 floods MQTT PUBLISH packets made by mqtt-packet; the engine captures them
// from a real socket. Baseline: capture only. Product: the same, and every captured frame is also decoded
// as it arrives (the worst case: a `topic:` filter over a live flood, done here on the engine's own thread,
// where in the product the panel does it in another process). Runs alternate so load drift hits both.
import type { AddressInfo } from 'node:net';
import mqttPacket from 'mqtt-packet';
import { WebSocketServer } from 'ws';
import { createEngine } from '../../main/core/engine';
import { attachWireTestClient } from '../../main/core/test-support/wire-test-client';
import { decodeEntry, isDecodable } from '../../shared/decoders/decode-frame';
import type { BenchContext, Measurement, MeasurementOutput } from '../harness/measurement';
import { summarize } from '../harness/stats';

const TARGET_RATIO = 0.9;

async function floodOnce(url: string, count: number, decode: boolean): Promise<{ framesPerSecond: number; decoded: number }> {
  const engine = createEngine();
  const client = attachWireTestClient(engine);
  let decoded = 0;
  let received = 0;
  let next = engine.capture.nextSeq();
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const stop = engine.capture.onChange(() => {
    for (const entry of engine.capture.from(next)) {
      next = entry.seq + 1;
      if (!isDecodable(entry) || entry.direction !== 'in') continue;
      received += 1;
      if (decode && decodeEntry(entry, { decoder: 'mqtt' }).ok) decoded += 1;
    }
    if (received >= count) finish();
  });
  const started = performance.now();
  client.call('connect', { url, protocols: ['mqtt'] });
  const timeout = setTimeout(finish, 120_000);
  await done;
  clearTimeout(timeout);
  const seconds = (performance.now() - started) / 1000;
  stop();
  await engine.shutdown();
  if (received !== count) throw new Error(`captured ${received} of ${count} frames within 120 s`);
  return { framesPerSecond: count / seconds, decoded };
}

export const decoderCost: Measurement = {
  name: 'decoders',
  title: 'Decoder cost on the flood',
  async run(context: BenchContext): Promise<MeasurementOutput> {
    const count = context.quick ? 10_000 : 50_000;
    const publish = mqttPacket.generate({ cmd: 'publish', topic: 'alipay/orders/7', payload: Buffer.alloc(64, 0x61), qos: 0, retain: false, dup: false });
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => 'mqtt' });
    server.on('connection', (socket) => {
      for (let i = 0; i < count; i += 1) socket.send(publish);
    });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/mqtt`;
    const bare: number[] = [];
    const decoding: number[] = [];
    try {
      for (let run = 1; run <= context.runs; run += 1) {
        bare.push((await floodOnce(url, count, false)).framesPerSecond);
        const product = await floodOnce(url, count, true);
        if (product.decoded !== count) throw new Error(`decoded ${product.decoded} of ${count} frames`);
        decoding.push(product.framesPerSecond);
        context.log(`decoders run ${run}: capture ${Math.round(bare.at(-1) ?? 0)}/s, capture + MQTT decode of every frame ${Math.round(product.framesPerSecond)}/s`);
      }
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const ratio = summarize(decoding.map((value, i) => value / (bare[i] ?? value)));
    return {
      rows: [
        {
          metric: `capture + MQTT decode of every frame, ${count} × ${publish.length} B`,
          unit: 'frames/s',
          product: summarize(decoding),
          baseline: { label: 'capture only', summary: summarize(bare) },
          ratio,
          target: `≥ ${TARGET_RATIO}× capture only`,
          met: ratio.median >= TARGET_RATIO,
        },
      ],
      notes: [
        'Server, engine and decoder share one Node process; every frame is decoded once as it is captured (the worst case of a decoded-field filter over a live flood). In the product the engine never decodes while capturing; the panel decodes lazily in its own process.',
      ],
    };
  },
};
