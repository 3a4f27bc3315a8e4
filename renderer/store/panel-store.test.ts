import { beforeEach, describe, expect, it } from 'vitest';
import type { PanelRequest } from '../../shared/panel-wire';
import { createBatchApplier, type FrameScheduler } from '../capture/batch-applier';
import { entryRing, liveRing } from '../capture/entry-ring';
import { makeEntries, makeEntry } from '../capture/test-support/make-entry';
import { usePanelStore } from './panel-store';

beforeEach(() => usePanelStore.getState().reset());

const stats = (total: number) => ({ total, dropped: 0, held: total, capacity: 1000, cleared: 0 });

describe('panel store with the batch applier', () => {
  it('bumps version once per animation frame however many batches arrived, in seq order', () => {
    const frames: (() => void)[] = [];
    const scheduler: FrameScheduler = { requestFrame: (callback) => frames.push(callback), now: () => 0, setFallback: () => 0, cancelFallback: () => undefined };
    const versions: number[] = [];
    const unsubscribe = usePanelStore.subscribe((state, previous) => state.version !== previous.version && versions.push(state.version));
    const acks: PanelRequest[] = [];
    const applier = createBatchApplier({ ring: liveRing, transport: { send: (request) => acks.push(request) }, onFrame: (latest) => usePanelStore.getState().applied(latest), scheduler });
    for (let i = 0; i < 20; i += 1) applier.handle({ kind: 'batch', entries: makeEntries(i * 10, 10), skipped: 0, stats: stats((i + 1) * 10) });
    expect(versions).toEqual([]);
    frames.splice(0).forEach((run) => run());
    expect(versions).toHaveLength(1);
    expect(usePanelStore.getState().stats?.total).toBe(200);
    expect(acks).toHaveLength(20);
    const held: number[] = [];
    entryRing.forEach((entry) => held.push(entry.seq));
    expect(held).toEqual(Array.from({ length: 200 }, (_, i) => i));
    unsubscribe();
  });

  it('freezes the shown count on pause and releases it on resume', () => {
    liveRing.append(makeEntries(0, 5));
    usePanelStore.getState().setPaused(true);
    expect(usePanelStore.getState().pausedAt).toBe(5);
    liveRing.append(makeEntries(5, 5));
    usePanelStore.getState().applied(null);
    expect(usePanelStore.getState().pausedAt).toBe(5);
    usePanelStore.getState().setPaused(false);
    expect(usePanelStore.getState().pausedAt).toBeNull();
  });

  it('counts dropped entries: ring evictions plus skipped', () => {
    liveRing.addSkipped(7);
    usePanelStore.getState().applied(null);
    expect(usePanelStore.getState()).toMatchObject({ skipped: 7, dropped: 7 });
  });

  it('sends clear to the engine for the live capture', () => {
    const sent: PanelRequest[] = [];
    usePanelStore.getState().setTransport({ send: (request) => sent.push(request), onMessage: () => () => undefined });
    usePanelStore.getState().clearCapture();
    expect(sent).toEqual([{ kind: 'clear' }]);
  });

  it('shows an imported log and goes back to the live one', () => {
    liveRing.append(makeEntries(0, 3));
    usePanelStore.getState().select(1);
    const before = usePanelStore.getState().version;
    usePanelStore.getState().showImported('old.har', [makeEntry(40), makeEntry(41)], ['1 note']);
    expect(usePanelStore.getState()).toMatchObject({ source: { importedFrom: 'old.har' }, selectedSeq: null, importNotes: ['1 note'] });
    expect(usePanelStore.getState().version).toBeGreaterThan(before);
    expect(entryRing.at(0)?.seq).toBe(40);
    // clear while an import is shown leaves the engine alone and returns to live
    const sent: PanelRequest[] = [];
    usePanelStore.getState().setTransport({ send: (request) => sent.push(request), onMessage: () => () => undefined });
    usePanelStore.getState().clearCapture();
    expect(sent).toEqual([]);
    expect(usePanelStore.getState().source).toBe('live');
    expect(entryRing.size()).toBe(3);
  });
});
