// The Electron app's main process: the composition root, and the only file here that imports `electron`
// at runtime. Every decision lives in a small tested module; this file only hands them the real objects.
// One engine and the embedded lab; the panel window (app://panel) and, composited over the rectangle the
// panel reports, the untrusted mini-app in a WebContentsView with its own in-memory session.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { BrowserWindow, MessageChannelMain, WebContentsView, app, dialog, protocol, session } from 'electron';
import { DEFAULT_MULTIPLE_ARGUMENT, KNOWN_INBOUND_CHANNELS, LOGIC_LINK_ARGUMENT, LOGIC_LINK_CHANNELS, labArgument } from '../../shared/electron-ipc';
import { miniappContentPolicy, panelContentPolicy } from '../host-common/content-policy';
import { findOutDir, outPaths } from '../host-common/out-layout';
import { createEngine } from '../core/engine';
import { logWarning } from '../core/engine-warning';
import { createPanelSession } from '../core/panel-session';
import { openPreferencesFile, preferencesPathIn } from '../core/preferences-file';
import { defaultAppDataDir } from '../core/session-store/default-sessions-dir';
import { installProcessSafetyNet } from '../core/process-safety-net';
import type { Engine } from '../core/ports';
import { startLabServer } from '../lab/lab-server';
import type { LabServer } from '../lab/lab-server';
import { createReplayServer } from '../replay/replay-server';
import { createRefusedRequestReporter } from '../core/rejected-request-warnings';
import { createMiniProgramHost } from '../miniprogram/miniprogram-host';
import type { SessionRecording } from '../host-common/session-recording';
import { createFileProtocolHandler } from './file-protocol-handler';
import { parseHostArgs } from './host-args';
import type { HostArgs } from './host-args';
import { bindMiniappClient } from './miniapp-client-binding';
import { projectKeyOf } from '../host-common/project-key';
import { storageDirIn } from '../core/my-apis/project-storage';
import { readLocationAppJson } from './miniapp-app-json';
import { createMiniappLayout } from './miniapp-layout';
import { MINIAPP_HOST, MINIAPP_SCHEME, locateMiniapp, type MiniappLocation } from './miniapp-location';
import { installNavigationGuard } from './navigation-guard';
import { bindPanel } from './panel-binding';
import { createElectronPreview } from './electron-preview';
import { watchProject } from '../host-common/project-watcher';
import { confineMiniappSession, denyAllPermissions } from './session-hardening';
import { outsideAsar } from './outside-asar';
import { saveSessionsInUserData } from './session-saving';
import { installMainTestHook, wantsMainTestHook } from './test-hook';
import { hardenWebContents } from './web-contents-hardening';
import { miniappWebPreferences, panelWebPreferences } from './web-preferences';

// The panel reaches main through its preload and the mini-app only through `my`: neither needs the network.
const PANEL_CSP = panelContentPolicy();
const MINIAPP_CSP = miniappContentPolicy({ connectSrc: "'none'" });

const PANEL_SCHEME = 'app';
const PANEL_HOST = 'panel';
const PANEL_ORIGIN = `${PANEL_SCHEME}://${PANEL_HOST}`;

const log = (line: string): void => console.warn(`[mini-socket-devtools] ${line}`);
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));
installProcessSafetyNet(log);

// Before ready: our schemes behave like https (origin, fetch, secure context), and no renderer runs unsandboxed.
protocol.registerSchemesAsPrivileged([
  { scheme: PANEL_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MINIAPP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, KNOWN_INBOUND_CHANNELS, log));

let running: { engine: Engine; lab: LabServer; recording: SessionRecording } | null = null;
let stopped = false;

/** Starts engine, lab, panel window and mini-app view. */
async function start(args: HostArgs): Promise<void> {
  const paths = outPaths(findOutDir(__dirname));
  for (const built of [paths.panelPreload, paths.miniappPreload, join(paths.renderer, 'index.html')]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  }
  const location = await locateMiniapp(args.miniapp, { cwd: process.cwd(), demoRoot: paths.demoProject });
  // Host/Origin refusals of the lab and replay servers become warnings (docs/architecture.md#threat-model).
  const engine = createEngine({ createReplayRegistry: () => createReplayServer({ reportRefused }), storageDir: storageDirIn(app.getPath('userData')), debugging: { mapRemote: args.mapRemote ?? [] }, settings: { ...(args.clientProfile ? { clientProfile: args.clientProfile } : {}), ...(args.backgroundCloseSeconds === undefined ? {} : { backgroundCloseSeconds: args.backgroundCloseSeconds }) } });
  const reportRefused = createRefusedRequestReporter(engine.capture);
  const recording = await saveSessionsInUserData(app, engine.capture, args.miniapp ?? '', log, outsideAsar(paths.sessionWriterThread));
  const lab = await startLabServer({ port: args.port, reportRefused }).catch(async (error: unknown) => {
    await recording.stop();
    throw error;
  });
  running = { engine, lab, recording };
  engine.setLabEndpoints(lab.endpoints);
  if (wantsMainTestHook(process.env, app.isPackaged)) installMainTestHook(globalThis, engine);
  // Read once at start (docs/behaviour.md#a17-default-of-multiple-from-appjson, docs/behaviour.md#a22-which-connect-timeout-applies): the `multiple` default reaches the preload as an argument, the timeout each page session.
  const appJsonRead = await readLocationAppJson(location, engine.capture);
  const appJson = appJsonRead.found ? appJsonRead.settings : undefined;

  denyAllPermissions(session.defaultSession, log);
  protocol.handle(PANEL_SCHEME, createFileProtocolHandler({ root: paths.renderer, host: PANEL_HOST, headers: { 'content-security-policy': PANEL_CSP } }));
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    title: 'Mini Socket DevTools',
    webPreferences: panelWebPreferences(paths.panelPreload),
  });
  installNavigationGuard(window.webContents, PANEL_ORIGIN, (url) => log(`blocked the panel navigating to ${url}`));

  const partition = `miniapp:${randomUUID()}`;
  const miniappSession = session.fromPartition(partition, { cache: false });
  const warnInCapture = (line: string): void => {
    log(line);
    const clientId = miniapp.clientId() ?? 'miniapp';
    logWarning(engine.capture, { clientId }, { id: 'miniapp-blocked', message: line });
  };
  confineMiniappSession(miniappSession, { origin: location.origin, csp: MINIAPP_CSP }, warnInCapture);
  const serve = (at: MiniappLocation): void => {
    if (at.kind === 'url') return;
    const project = at.kind === 'miniprogram' ? createMiniProgramHost({ folder: at.root, logicWorkerFile: paths.logicWorker, viewPageFile: paths.viewPage }) : undefined;
    const headers = { 'content-security-policy': MINIAPP_CSP };
    const handler = createFileProtocolHandler({ root: project?.root ?? at.root, host: MINIAPP_HOST, headers, answer: project?.answer });
    if (miniappSession.protocol.isProtocolHandled(MINIAPP_SCHEME)) miniappSession.protocol.unhandle(MINIAPP_SCHEME);
    miniappSession.protocol.handle(MINIAPP_SCHEME, handler);
  };
  serve(location);
  const view = new WebContentsView({
    webPreferences: miniappWebPreferences({
      preload: paths.miniappPreload,
      partition,
      additionalArguments: [
        labArgument({ endpoints: lab.endpoints }),
        ...(appJson?.connectSocketDefaultMultiple === true ? [DEFAULT_MULTIPLE_ARGUMENT] : []),
        ...(location.kind === 'miniprogram' ? [LOGIC_LINK_ARGUMENT] : []),
      ],
    }),
  });
  view.setVisible(false);
  window.contentView.addChildView(view);
  installNavigationGuard(view.webContents, location.origin, (url) => warnInCapture(`blocked the mini-app navigating to ${url}`));
  const layout = createMiniappLayout({ view, window });
  window.on('resize', layout.refresh);

  const projectKey = projectKeyOf(args.miniapp);
  const miniapp = bindMiniappClient({ engine, contents: view.webContents, origin: location.origin, appJson, projectKey, now: () => performance.now(), log });
  // A mini-program's logic Worker is a client of its own, as in the browser host (docs/miniprogram-runtime.md "Electron").
  if (location.kind === 'miniprogram') bindMiniappClient({ engine, contents: view.webContents, origin: location.origin, appJson, projectKey, now: () => performance.now(), log, channels: LOGIC_LINK_CHANNELS });
  // One file per user, the same one the browser host uses (docs/behaviour.md#panel-preferences).
  const preferences = openPreferencesFile(preferencesPathIn(defaultAppDataDir({ platform: process.platform, home: homedir(), env: process.env })));
  // Opening projects and hot reload (docs/miniprogram-runtime.md "Opening projects").
  const preview = createElectronPreview({
    initial: location,
    capture: engine.capture,
    dialog,
    window,
    locate: (path) => locateMiniapp(path, { cwd: process.cwd(), demoRoot: paths.demoProject }),
    serve,
    load: (at) => void view.webContents.loadURL(at.entryUrl).catch((error: unknown) => log(`the mini-app did not load: ${describe(error)}`)),
    watch: watchProject,
  });
  bindPanel({
    contents: window.webContents,
    origin: PANEL_ORIGIN,
    createChannel: () => new MessageChannelMain(),
    createSession: (send) => createPanelSession(engine, send, { sessions: recording.saved, preferences, preview }),
    onMiniappBounds: layout.apply,
    onReloadMiniapp: () => view.webContents.reload(),
    log,
  });
  window.on('closed', () => {
    void preview.close();
    view.webContents.close();
  });

  await window.loadURL(`${PANEL_ORIGIN}/index.html`);
  await view.webContents.loadURL(location.entryUrl).catch((error: unknown) => log(`the mini-app did not load: ${describe(error)}`));
}

/** Closes every socket with 1001, the lab and the live session, once, before the app really quits. */
async function shutdown(): Promise<void> {
  const current = running;
  running = null;
  if (current === null) return;
  await current.engine.shutdown();
  await current.lab.close();
  // Last: the session's end marker comes after the final close entries.
  await current.recording.stop();
}

app.on('before-quit', (event) => {
  if (stopped) return;
  event.preventDefault();
  stopped = true;
  shutdown()
    .catch((error: unknown) => log(`shutdown failed: ${describe(error)}`))
    .finally(() => app.quit());
});
app.on('window-all-closed', () => app.quit());

/** The command-line options, or null after printing why they are unusable. */
function readArgs(): HostArgs | null {
  try {
    return parseHostArgs(process.argv);
  } catch (error) {
    console.error(`mini-socket-devtools: ${describe(error)}`);
    return null;
  }
}

const args = readArgs();
if (args === null) {
  app.exit(2);
} else {
  app
    .whenReady()
    .then(() => start(args))
    .catch(async (error: unknown) => {
      console.error(`mini-socket-devtools: ${describe(error)}`);
      await shutdown().catch(() => {});
      app.exit(1);
    });
}
