// A Chromium trace over raw CDP (the bench drives Chromium without Playwright): Tracing.start on a page's
// session with the timeline categories, and at the end the trace read back from its stream.
import type { CdpConnection } from '../../e2e/harness/cdp-client';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Starts tracing on `sessionId`; the returned function ends it and resolves with the trace's JSON text. */
export async function startPageTrace(cdp: CdpConnection, sessionId: string): Promise<() => Promise<string>> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } }, sessionId);
  return async () => {
    const complete = new Promise<string>((resolve) => {
      const stop = cdp.on('Tracing.tracingComplete', (params, from) => {
        if (from !== sessionId) return;
        stop();
        resolve(String(params.stream));
      });
    });
    await cdp.send('Tracing.end', {}, sessionId);
    const stream = await complete;
    const chunks: string[] = [];
    for (;;) {
      const chunk = await cdp.send<{ data: string; eof: boolean; base64Encoded?: boolean }>('IO.read', { handle: stream }, sessionId);
      chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
      if (chunk.eof) break;
    }
    await cdp.send('IO.close', { handle: stream }, sessionId);
    return chunks.join('');
  };
}
