import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '../api';
import { SectionBoundary } from './SectionBoundary';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; message: string; status: number }
  | { state: 'ready'; data: T };

/**
 * Loads once (and again on reload()); errors become the sentence of the problem. refresh() loads again while the old
 * value stays on screen (for live updates: no "Loading…" flash), and keeps it if the refresh fails. With `keep`, a
 * change of deps (another page of a list) also leaves the old value on screen until the new one is there, so the
 * control pressed keeps the keyboard focus; a failure then shows, as on a first load.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = [], { keep = false }: { keep?: boolean } = {}): [Loaded<T>, () => void, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  const quiet = useRef(false);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    const refreshing = quiet.current;
    quiet.current = false;
    if (!refreshing) setResult((previous) => (keep && previous.state === 'ready' ? previous : { state: 'loading' }));
    stable().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) =>
        live &&
        setResult((previous) =>
          refreshing && previous.state === 'ready'
            ? previous
            : {
                state: 'error',
                status: error instanceof ApiError ? error.status : 0,
                message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.',
              },
        ),
    );
    return () => {
      live = false;
    };
  }, [stable, round]);
  return [
    result,
    () => setRound((r) => r + 1),
    () => {
      quiet.current = true;
      setRound((r) => r + 1);
    },
  ];
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ message, retry }: { message: string; retry?: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{message}</p>
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Loading, error and empty states around a loaded value. */
export function Show<T>({
  loaded,
  what,
  retry,
  empty,
  isEmpty,
  children,
}: {
  loaded: Loaded<T>;
  what: string;
  retry?: () => void;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === 'loading') return <Loading what={what} />;
  if (loaded.state === 'error') return <ErrorMessage message={loaded.message} retry={retry} />;
  if (empty !== undefined && isEmpty?.(loaded.data)) return <Empty>{empty}</Empty>;
  return <>{children(loaded.data)}</>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <SectionBoundary what={title}>{children}</SectionBoundary>
    </section>
  );
}

export function formatDateTime(iso?: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatDate(iso?: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export function formatTime(iso?: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleTimeString(undefined, { timeStyle: 'short' });
}
