/** The renderer's socket channel, over a fake WebSocket and a fake POST. */
import { describe, expect, it } from 'vitest';
import { socketChannel, type Send } from '../../../../src/renderer/api/socket-channel';
import type { MethodName, Result } from '../../../../src/shared/api';

/** Just what the channel uses of a browser WebSocket, driven by the test. */
class FakeSocket {
  readyState = 0;
  sent: { id: number; method: string; payload?: unknown }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data) as FakeSocket['sent'][number]);
  }
  close(): void {
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: unknown): void {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
  /** As a browser reports a lost connection: error, then close. */
  drop(): void {
    this.readyState = 3;
    this.onerror?.();
    this.onclose?.();
  }
}

function setup(deferOpen?: (open: () => void) => void) {
  const sockets: FakeSocket[] = [];
  const posted: { method: MethodName; payload: unknown }[] = [];
  let time = 1000;
  const fallback: Send = (method, payload) => {
    posted.push({ method, payload });
    return Promise.resolve({ ok: true, value: `POST ${method}` });
  };
  const call = socketChannel({
    url: 'ws://127.0.0.1:4317/api/socket',
    fallback,
    connect: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
    now: () => time,
    deferOpen,
  });
  return {
    call,
    sockets,
    posted,
    latest: () => sockets.at(-1)!,
    advance: (ms: number) => (time += ms),
  };
}

/** Resolves to 'pending' if the promise has not settled after the queued work ran. */
async function state(promise: Promise<Result<unknown>>): Promise<Result<unknown> | 'pending'> {
  return Promise.race([promise, new Promise<'pending'>((r) => setTimeout(() => r('pending'), 0))]);
}

describe('socketChannel', () => {
  it('with deferOpen, opens the socket only when told, or at the first query before that', async () => {
    let opener: (() => void) | undefined;
    const told = setup((open) => (opener = open));
    expect(told.sockets).toHaveLength(0);
    opener!();
    expect(told.sockets).toHaveLength(1);

    let lateOpener: (() => void) | undefined;
    const early = setup((open) => (lateOpener = open));
    expect(await early.call('search', { query: '月湖' })).toEqual({
      ok: true,
      value: 'POST search',
    });
    expect(early.sockets).toHaveLength(1);
    // The idle moment comes after the query opened it: no second socket.
    lateOpener!();
    expect(early.sockets).toHaveLength(1);
    early.latest().open();
    const answer = early.call('search', { query: '月湖' });
    expect(early.latest().sent).toEqual([{ id: 1, method: 'search', payload: { query: '月湖' } }]);
    early.latest().receive({ id: 1, result: { ok: true, value: 'socket' } });
    expect(await answer).toEqual({ ok: true, value: 'socket' });
  });

  it('opens the socket at once, and uses POST until it is open', async () => {
    const { call, sockets, posted, latest } = setup();
    expect(sockets).toHaveLength(1);
    expect(latest().url).toBe('ws://127.0.0.1:4317/api/socket');
    expect(await call('getNotices', undefined)).toEqual({ ok: true, value: 'POST getNotices' });
    expect(posted).toEqual([{ method: 'getNotices', payload: undefined }]);
    expect(latest().sent).toEqual([]);
    // Still connecting: no second socket is opened for it.
    expect(sockets).toHaveLength(1);
  });

  it('once open, a query goes over the socket and is answered by id', async () => {
    const { call, posted, latest } = setup();
    latest().open();
    const answer = call('search', { query: '发展' });
    expect(latest().sent).toEqual([{ id: 1, method: 'search', payload: { query: '发展' } }]);
    latest().receive({ id: 1, result: { ok: true, value: 'hits' } });
    expect(await answer).toEqual({ ok: true, value: 'hits' });
    expect(posted).toEqual([]);
  });

  it('answers in any order reach their own calls; unknown, stale and broken ones are ignored', async () => {
    const { call, latest } = setup();
    latest().open();
    const first = call('search', { query: 'a' });
    const second = call('getNotices', undefined);
    latest().receive({ id: 2, result: { ok: true, value: 'second' } });
    latest().receive({ id: 99, result: { ok: true, value: 'nobody asked' } });
    latest().receive('not json');
    latest().receive(null);
    latest().receive({ id: '1', result: { ok: true, value: 'string id' } });
    expect(await second).toEqual({ ok: true, value: 'second' });
    expect(await state(first)).toBe('pending');
    latest().receive({ id: 1, result: { ok: false, error: '不行' } });
    expect(await first).toEqual({ ok: false, error: '不行' });
    // Answered already: a repeat is stale.
    latest().receive({ id: 1, result: { ok: true, value: 'again' } });
  });

  it('an answer whose result is not a Result is asked again over POST', async () => {
    const { call, posted, latest } = setup();
    latest().open();
    const answer = call('getSettings', undefined);
    latest().receive({ id: 1, result: { value: 'no ok' } });
    expect(await answer).toEqual({ ok: true, value: 'POST getSettings' });
    expect(posted).toEqual([{ method: 'getSettings', payload: undefined }]);
  });

  it('when the socket drops, every call still waiting is asked again over POST', async () => {
    const { call, posted, latest } = setup();
    latest().open();
    const first = call('search', { query: 'a' });
    const second = call('searchMatches', { query: 'a', blocks: ['p1'] });
    latest().receive({ id: 1, result: { ok: true, value: 'socket' } });
    latest().drop();
    expect(await first).toEqual({ ok: true, value: 'socket' });
    expect(await second).toEqual({ ok: true, value: 'POST searchMatches' });
    expect(posted).toEqual([{ method: 'searchMatches', payload: { query: 'a', blocks: ['p1'] } }]);
    // An answer from the dropped socket arriving late changes nothing.
    latest().receive({ id: 2, result: { ok: true, value: 'late' } });
    expect(await call('getNotices', undefined)).toEqual({ ok: true, value: 'POST getNotices' });
  });

  it('reconnects lazily, on a call, once the back-off has passed; the back-off grows', async () => {
    const { call, sockets, latest, advance } = setup();
    latest().open();
    latest().drop();
    await call('getNotices', undefined);
    expect(sockets).toHaveLength(1);
    advance(500);
    // This call reopens the socket and goes by POST meanwhile.
    expect(await call('getNotices', undefined)).toEqual({ ok: true, value: 'POST getNotices' });
    expect(sockets).toHaveLength(2);
    // Fails before opening: the next wait is longer.
    latest().drop();
    advance(500);
    await call('getNotices', undefined);
    expect(sockets).toHaveLength(2);
    advance(500);
    await call('getNotices', undefined);
    expect(sockets).toHaveLength(3);
    latest().open();
    const answer = call('getNotices', undefined);
    expect(latest().sent).toEqual([{ id: 1, method: 'getNotices' }]);
    latest().receive({ id: 1, result: { ok: true, value: [] } });
    expect(await answer).toEqual({ ok: true, value: [] });
  });

  it('no socket at all (the constructor throws): every call goes by POST', async () => {
    const posted: MethodName[] = [];
    const call = socketChannel({
      url: 'ws://127.0.0.1:4317/api/socket',
      fallback: (method) => {
        posted.push(method);
        return Promise.resolve({ ok: true, value: null });
      },
      connect: () => {
        throw new Error('blocked');
      },
    });
    expect(await call('search', { query: 'a' })).toEqual({ ok: true, value: null });
    expect(posted).toEqual(['search']);
  });
});
