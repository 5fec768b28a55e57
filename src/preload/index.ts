/**
 * The preload exposes exactly the contract's named methods and subscribers as
 * `window.readerApi`. Neither ipcRenderer nor any Electron object or event
 * reaches the page: calls return what main answered (plain data, copied by
 * contextBridge), and a subscriber gets only the message's checked fields.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildReaderApi, ipcChannel, messageChannel } from '../shared/api';

contextBridge.exposeInMainWorld(
  'readerApi',
  buildReaderApi(
    (method, payload) => ipcRenderer.invoke(ipcChannel(method), payload),
    (message, deliver) => {
      // The event (with its `sender`, an ipcRenderer) stays here.
      const listener = (_event: IpcRendererEvent, payload: unknown) => deliver(payload);
      ipcRenderer.on(messageChannel(message), listener);
      return () => {
        ipcRenderer.removeListener(messageChannel(message), listener);
      };
    },
  ),
);
