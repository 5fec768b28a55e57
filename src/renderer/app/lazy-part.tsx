/**
 * Parts of the interface that load as chunks of their own once the text is
 * interactive: the first bundle holds only what reading, scrolling, searching
 * and selecting need, and the panels, dialogs and layers come in after it
 * (fetched when the browser is idle: preloadParts in parts.tsx). A part asked for before its
 * chunk is in shows `loading` meanwhile; a chunk that cannot be loaded shows
 * `failed` in its place, and the rest of the reader goes on working.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

export interface LazyPart<P extends object> {
  (props: P): ReactNode;
  /** Fetches the chunk now (when idle), so the part opens at once later. */
  preload(): Promise<unknown>;
}

interface Options {
  /** Shown while the chunk loads: nothing for a layer over the text, a line for a panel. */
  loading?: ReactNode;
  /** Shown when the chunk could not be loaded; `retry` asks for it again. */
  failed(error: Error, retry: () => void): ReactNode;
}

interface BoundaryProps {
  failed: Options['failed'];
  retry(): void;
  children: ReactNode;
}

/** Catches the chunk's failure to load: that part is missing, not the whole interface. */
class PartBoundary extends Component<BoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    return error ? this.props.failed(error, this.props.retry) : this.props.children;
  }
}

/** `load` answers the part's component (from a dynamic import, so it is a chunk of its own). */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { loading = null, failed }: Options,
): LazyPart<P> {
  let loaded: ComponentType<P> | null = null;
  const loadAndKeep = () =>
    load().then((component) => {
      loaded = component;
      return component;
    });
  const made = () => lazy(() => loadAndKeep().then((component) => ({ default: component })));
  // React.lazy keeps a failed load's error: a retry makes a new one.
  let Loaded = made();
  function Part(props: P) {
    // Already in (preloaded): drawn at once, without a frame of `loading`. Decided
    // once per mount, so the part is never put up a second time when its chunk arrives.
    const [Ready] = useState(() => loaded);
    const [attempt, setAttempt] = useState(0);
    if (Ready) return <Ready {...props} />;
    const retry = () => {
      Loaded = made();
      setAttempt((count) => count + 1);
    };
    return (
      <PartBoundary key={attempt} failed={failed} retry={retry}>
        <Suspense fallback={loading}>
          <Loaded {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  Part.preload = loadAndKeep;
  return Part;
}
