import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api';
import type { Loaded } from '../shell/states';

/**
 * Like useLoad, but a refresh (a live event, a sent message) keeps showing what is there until the new data arrives,
 * so lists do not flicker; a failed refresh keeps the last data. Changing deps loads afresh.
 */
export function useRefreshing<T>(load: () => Promise<T>, deps: unknown[] = []): [Loaded<T>, () => void] {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stable = useCallback(load, deps);
  const loaded = useRef(stable);
  useEffect(() => {
    let live = true;
    if (loaded.current !== stable) {
      loaded.current = stable;
      setResult({ state: 'loading' });
    } else {
      setResult((previous) => (previous.state === 'error' ? { state: 'loading' } : previous)); // "Try again"
    }
    stable().then(
      (data) => live && setResult({ state: 'ready', data }),
      (error: unknown) =>
        live &&
        setResult((previous) =>
          previous.state === 'ready'
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
  return [result, useCallback(() => setRound((r) => r + 1), [])];
}
