// The only bridge between the page and the desktop: named calls and values (desktop-api.ts),
// never ipcRenderer itself (architecture: the preload exposes named values only).
// Runs sandboxed; electron-vite bundles desktop-api.ts and ipc.ts into this one CommonJS file.
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopApi } from './desktop-api.ts';

contextBridge.exposeInMainWorld('lambdaLabDesktop', createDesktopApi(ipcRenderer, { platform: process.platform, argv: process.argv }));
