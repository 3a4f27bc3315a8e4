// Which scripts long animation frames spent their time in (LoAF script attribution), by invoker, function
// and source position mapped back to the repository's sources: where a flood's long tasks come from.
import { join } from 'node:path';
import type { LongFrameScript } from '../pages/panel-flood-scripts';
import { createSourceOffsetMapper } from './source-positions';

/** One sentence naming the top scripts of `scripts` with their share of the script time; undefined when there is none. */
export function describeLongFrameScripts(root: string, label: string, scripts: readonly LongFrameScript[]): string | undefined {
  if (scripts.length === 0) return undefined;
  const mapOffset = createSourceOffsetMapper(join(root, 'out'), root);
  const byScript = new Map<string, { ms: number; count: number }>();
  for (const script of scripts) {
    const file = script.sourceURL.replace(/^.*\//, '').replace(/\?.*$/, '');
    const where = file ? (mapOffset(file, script.charPosition) ?? file) : '';
    const key = `${script.invoker}${script.functionName ? ` → ${script.functionName}` : ''}${where ? ` (${where})` : ''}`;
    const sum = byScript.get(key) ?? { ms: 0, count: 0 };
    sum.ms += script.duration;
    sum.count += 1;
    byScript.set(key, sum);
  }
  const total = [...byScript.values()].reduce((sum, part) => sum + part.ms, 0);
  const top = [...byScript.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6);
  return `Long animation frames of ${label} (LoAF script attribution, ${Math.round(total).toLocaleString('en-US')} ms of script in them over all runs): ${top.map(([key, part]) => `${key} ${Math.round((part.ms / Math.max(1, total)) * 100)}% (${part.count}×)`).join('; ')}.`;
}
