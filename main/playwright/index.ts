// `mini-socket-devtools/playwright`: Playwright Test fixtures for testing a mini-app's socket behaviour
// (README "Testing your mini-app with Playwright"). `test.use({ miniapp: './folder' })` sets the mini-app
// while the `miniapp` fixture is its frame: `use` (and `extend`, so extended tests keep it) read a string
// `miniapp` as the `miniappSource` option.
import { expect } from '@playwright/test';
import { previewFixtures, type MiniappTestOptions } from './fixtures';

type PreviewTest = typeof previewFixtures;
type UseFixtures = Parameters<PreviewTest['use']>[0];

/** `test.use` with `miniapp` taking a folder or URL (a function still overrides the frame fixture). */
export type MiniappTest<T extends PreviewTest = PreviewTest> = T & {
  use(fixtures: Omit<UseFixtures, 'miniapp'> & MiniappTestOptions): void;
};

function withMiniappOption(fixtures: Record<string, unknown>): Record<string, unknown> {
  if (!('miniapp' in fixtures) || typeof fixtures.miniapp === 'function') return fixtures;
  const { miniapp, ...rest } = fixtures;
  return { ...rest, miniappSource: miniapp };
}

function wrap<T extends PreviewTest>(test: T): MiniappTest<T> {
  const use = test.use.bind(test) as (fixtures: Record<string, unknown>) => void;
  const extend = test.extend.bind(test) as (fixtures: Record<string, unknown>) => PreviewTest;
  return Object.assign(test, {
    use: (fixtures: Record<string, unknown>) => use(withMiniappOption(fixtures)),
    extend: (fixtures: Record<string, unknown>) => wrap(extend(fixtures)),
  }) as MiniappTest<T>;
}

export const test = wrap(previewFixtures);
export { expect };
export type { MiniappTestFixtures, MiniappTestOptions, MiniappWorkerFixtures, PreviewHost } from './fixtures';
export type { EntryMatch } from './entry-match';
export type { Lab, LabQuery } from './lab';
export type { SocketConnection, Sockets, WaitForOptions } from './sockets';
export type { FrameRouteHandler, FrameRouteMatch, RoutedSocketFrame } from './frame-route';
export type { CaptureEntry, Direction, EntryKind } from '../../shared/capture';
export type { InjectRequest } from '../../shared/inject';
export type { SettingsPatch } from '../../shared/settings';
export type { Har } from '../../shared/har';
