/**
 * The one state pattern of the renderer: a small store outside React, with
 * plain methods that change it and a snapshot that React reads through
 * `useStore`. Each component subscribes to just the part it shows, so a
 * change wakes only the components that show it, never the whole reader
 * (the search session showed why: a keystroke that re-rendered the reader
 * cost most of its frame on a slow machine). Stores are plain TypeScript, so
 * their logic is tested under Node without React.
 */
import { useSyncExternalStore } from 'react';

export interface Subscribable {
  /** Calls `listener` after every change; answers the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

export class Store<State extends object> implements Subscribable {
  private state: State;
  private readonly listeners = new Set<() => void>();

  constructor(initial: State) {
    this.state = initial;
  }

  /** Arrow functions, so they can be handed to useSyncExternalStore as they are. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): State => this.state;

  /** A new snapshot with `change` applied; nothing happens when no value is new. */
  protected set(change: Partial<State>): void {
    const keys = Object.keys(change) as (keyof State)[];
    if (keys.every((key) => Object.is(this.state[key], change[key]))) return;
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

/**
 * One part of a store's state; the component re-renders only when that part
 * changes. `select` must answer a value already in the state (or a primitive),
 * never a new object, or React would see a change on every read.
 */
export function useStore<State extends object, T>(
  store: Store<State>,
  select: (state: State) => T,
): T {
  return useSyncExternalStore(store.subscribe, () => select(store.getSnapshot()));
}
