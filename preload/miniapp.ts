// The mini-app view's preload: `window.my`, nothing else (see miniapp-api.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { exposeMiniappMy } from './miniapp-api';

exposeMiniappMy(ipcRenderer, contextBridge, process.argv);
