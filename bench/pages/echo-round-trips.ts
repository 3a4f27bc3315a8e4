// In-page scripts (sent as text over CDP) that time sequential echo round trips: one through the
// mini-app's `my` SocketTask, one through a plain browser WebSocket. Both resolve with the samples (ms).

export interface RoundTripPlan {
  url: string;
  warmup: number;
  count: number;
  payloadBytes: number;
}

/** my.connectSocket({ multiple: true }) → task.send → echo → task.onMessage, one at a time. */
export function myRoundTripsScript(plan: RoundTripPlan): string {
  return `(async (plan) => {
    const payload = 'x'.repeat(plan.payloadBytes);
    const task = my.connectSocket({ url: plan.url, multiple: true });
    await new Promise((resolve, reject) => {
      task.onOpen(resolve);
      task.onError((event) => reject(new Error('my socket error ' + event.error + ': ' + event.errorMessage)));
    });
    let answered = null;
    task.onMessage(() => { const done = answered; answered = null; if (done) done(); });
    const samples = [];
    for (let i = 0; i < plan.warmup + plan.count; i += 1) {
      const started = performance.now();
      await new Promise((resolve, reject) => { answered = resolve; task.send({ data: payload }).catch(reject); });
      if (i >= plan.warmup) samples.push(performance.now() - started);
    }
    await new Promise((resolve) => { task.onClose(resolve); task.close({}).catch(resolve); });
    return samples;
  })(${JSON.stringify(plan)})`;
}

/** new WebSocket(url) → send → echo → onmessage, one at a time (a page whose CSP allows it). */
export function webSocketRoundTripsScript(plan: RoundTripPlan): string {
  return `(async (plan) => {
    const payload = 'x'.repeat(plan.payloadBytes);
    const socket = new WebSocket(plan.url);
    await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = () => reject(new Error('WebSocket error')); });
    let answered = null;
    socket.onmessage = () => { const done = answered; answered = null; if (done) done(); };
    const samples = [];
    for (let i = 0; i < plan.warmup + plan.count; i += 1) {
      const started = performance.now();
      await new Promise((resolve) => { answered = resolve; socket.send(payload); });
      if (i >= plan.warmup) samples.push(performance.now() - started);
    }
    await new Promise((resolve) => { socket.onclose = resolve; socket.close(1000); });
    return samples;
  })(${JSON.stringify(plan)})`;
}
