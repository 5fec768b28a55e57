/**
 * The preload exposes exactly the contract's named methods as `window.readerApi`.
 * Neither ipcRenderer nor any Electron object or event reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildReaderApi, ipcChannel } from '../shared/api';

contextBridge.exposeInMainWorld(
  'readerApi',
  buildReaderApi((method, payload) => ipcRenderer.invoke(ipcChannel(method), payload)),
);
