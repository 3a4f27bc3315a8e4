// The panel window's preload: `window.msdPanel`, nothing else (see panel-api.ts).
import { contextBridge, ipcRenderer } from 'electron';
import { createPanelApi } from './panel-api';

contextBridge.exposeInMainWorld('msdPanel', createPanelApi(ipcRenderer));
