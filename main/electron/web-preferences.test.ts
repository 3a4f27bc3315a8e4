import { describe, expect, it } from 'vitest';
import { miniappWebPreferences, panelWebPreferences } from './web-preferences';

const forbidden = [
  'nodeIntegration',
  'nodeIntegrationInSubFrames',
  'nodeIntegrationInWorker',
  'experimentalFeatures',
  'allowRunningInsecureContent',
  'enableBlinkFeatures',
  'webviewTag',
] as const;

describe('webPreferences', () => {
  it('pins the panel window preferences', () => {
    expect(panelWebPreferences('/app/out/preload/panel.cjs')).toMatchInlineSnapshot(`
      {
        "contextIsolation": true,
        "navigateOnDragDrop": false,
        "nodeIntegration": false,
        "nodeIntegrationInSubFrames": false,
        "nodeIntegrationInWorker": false,
        "preload": "/app/out/preload/panel.cjs",
        "safeDialogs": true,
        "sandbox": true,
        "spellcheck": false,
        "webSecurity": true,
        "webviewTag": false,
      }
    `);
  });

  it('pins the mini-app view preferences: its own in-memory partition and the my preload', () => {
    const prefs = miniappWebPreferences({ preload: '/app/out/preload/miniapp.cjs', partition: 'miniapp:1', additionalArguments: ['--msd-lab=x'] });
    expect(prefs).toMatchInlineSnapshot(`
      {
        "additionalArguments": [
          "--msd-lab=x",
        ],
        "contextIsolation": true,
        "navigateOnDragDrop": false,
        "nodeIntegration": false,
        "nodeIntegrationInSubFrames": false,
        "nodeIntegrationInWorker": false,
        "partition": "miniapp:1",
        "preload": "/app/out/preload/miniapp.cjs",
        "safeDialogs": true,
        "sandbox": true,
        "spellcheck": false,
        "webSecurity": true,
        "webviewTag": false,
      }
    `);
  });

  it('never turns on a dangerous switch in either renderer', () => {
    for (const prefs of [panelWebPreferences('/p.cjs'), miniappWebPreferences({ preload: '/m.cjs', partition: 'miniapp:2' })]) {
      expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, webSecurity: true });
      for (const key of forbidden) expect(prefs[key] ?? false).toBe(false);
    }
  });

  it('refuses a persistent partition for the mini-app', () => {
    expect(() => miniappWebPreferences({ preload: '/m.cjs', partition: 'persist:miniapp' })).toThrow(/in memory/);
  });
});
