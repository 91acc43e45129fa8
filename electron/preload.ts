// The only bridge between the page and the desktop: the engine token and the app version.
// Never ipcRenderer itself (architecture: the preload exposes named values only).
import { contextBridge } from 'electron';

const tokenArg = process.argv.find((a) => a.startsWith('--lambda-lab-token='));

contextBridge.exposeInMainWorld('lambdaLabDesktop', Object.freeze({
  engineToken: tokenArg === undefined ? undefined : tokenArg.slice('--lambda-lab-token='.length),
  platform: process.platform,
}));
