/**
 * The preload against a fake `electron`: what it puts on window is exactly the
 * contract's named functions, and nothing Electron-made gets through.
 * vi.mock replaces the module before it is resolved, so the real package
 * (which would look for its binary) is never loaded.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  API_NAMES,
  ipcChannel,
  messageChannel,
  METHOD_NAMES,
  type ReaderApi,
} from '../../../src/shared/api';

type Listener = (event: unknown, payload: unknown) => void;

const fake = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const ipcRenderer = {
    invoke: (channel: string, payload: unknown) => {
      invoked.push({ channel, payload });
      // What a handler might answer, plus what a careless one could leak.
      return Promise.resolve({ ok: true, value: { channel } });
    },
    on: (channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return ipcRenderer;
    },
    removeListener: (channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
    send: () => undefined,
    sendSync: () => undefined,
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
  };
  return { exposed, listeners, invoked, ipcRenderer, contextBridge };
});

vi.mock('electron', () => ({
  contextBridge: fake.contextBridge,
  ipcRenderer: fake.ipcRenderer,
}));

let api: ReaderApi;

beforeAll(async () => {
  await import('../../../src/preload/index');
  api = fake.exposed.get('readerApi') as ReaderApi;
});

/** What main would send: the event object carries the whole ipcRenderer. */
function sendFromMain(channel: string, payload: unknown) {
  const event = { sender: fake.ipcRenderer, senderId: 0, ports: [] };
  for (const listener of fake.listeners.get(channel) ?? []) listener(event, payload);
}

describe('the preload', () => {
  it('exposes one thing, readerApi', () => {
    expect([...fake.exposed.keys()]).toEqual(['readerApi']);
  });

  it('readerApi is exactly the named methods and subscribers, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...API_NAMES].sort());
    expect(API_NAMES).toEqual(expect.arrayContaining([...METHOD_NAMES, 'onCommand']));
    for (const name of Object.keys(api)) {
      expect(typeof (api as unknown as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('hands out neither ipcRenderer nor any of its methods', () => {
    const values = Object.values(api) as unknown[];
    for (const forbidden of [
      fake.ipcRenderer,
      fake.ipcRenderer.invoke,
      fake.ipcRenderer.on,
      fake.ipcRenderer.send,
      fake.ipcRenderer.sendSync,
    ]) {
      expect(values).not.toContain(forbidden);
    }
    expect('ipcRenderer' in api).toBe(false);
    expect('invoke' in api).toBe(false);
    expect('send' in api).toBe(false);
  });

  it('each method invokes its own channel with the payload as given', async () => {
    fake.invoked.length = 0;
    await api.search({ report: 'r1', query: '污水' });
    await api.getSettings();
    expect(fake.invoked).toEqual([
      { channel: ipcChannel('search'), payload: { report: 'r1', query: '污水' } },
      { channel: ipcChannel('getSettings'), payload: undefined },
    ]);
  });

  it('a subscriber gets the message data only, never the event or its sender', () => {
    const received: unknown[] = [];
    const unsubscribe = api.onCommand((message) => received.push(message));
    sendFromMain(messageChannel('command'), { id: 'font.increase', sneaky: fake.ipcRenderer });
    expect(received).toEqual([{ id: 'font.increase' }]);
    expect(Object.keys(received[0] as object)).toEqual(['id']);
    expect(typeof unsubscribe).toBe('function');
    unsubscribe();
  });

  it('a malformed message from main never reaches the page', () => {
    const received: unknown[] = [];
    const unsubscribe = api.onCommand((message) => received.push(message));
    for (const bad of [
      undefined,
      null,
      'font.increase',
      {},
      { id: 42 },
      { id: '' },
      { id: 'x'.repeat(65) },
    ]) {
      sendFromMain(messageChannel('command'), bad);
    }
    expect(received).toEqual([]);
    unsubscribe();
  });

  it('unsubscribing removes the listener from ipcRenderer', () => {
    const received: unknown[] = [];
    const before = fake.listeners.get(messageChannel('command'))?.size ?? 0;
    const unsubscribe = api.onCommand((message) => received.push(message));
    expect(fake.listeners.get(messageChannel('command'))?.size).toBe(before + 1);
    unsubscribe();
    expect(fake.listeners.get(messageChannel('command'))?.size).toBe(before);
    sendFromMain(messageChannel('command'), { id: 'print' });
    expect(received).toEqual([]);
  });

  it('refuses a listener that is not a function', () => {
    expect(() => (api.onCommand as (listener: unknown) => unknown)('alert(1)')).toThrow(TypeError);
  });
});
