import type { ReactNode } from 'react';
import type { Loaded } from '../shell/states';
import type { Strings } from './i18n';

/**
 * The shell's loading, error and empty states (same markup and roles as shell/states' Show) with the words in the
 * family's language. The error's own sentence is the service's (problem details), which stays as the service wrote it.
 */
export function FamilyShow<T>({
  t,
  loaded,
  what,
  retry,
  empty,
  isEmpty,
  children,
}: {
  t: Strings;
  loaded: Loaded<T>;
  what: string;
  retry?: () => void;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === 'loading') {
    return (
      <p className="loading" role="status" aria-live="polite">
        {t.loading(what)}
      </p>
    );
  }
  if (loaded.state === 'error') {
    return (
      <div className="error" role="alert">
        <p>{loaded.message}</p>
        {retry && (
          <button type="button" onClick={retry}>
            {t.tryAgain}
          </button>
        )}
      </div>
    );
  }
  if (empty !== undefined && isEmpty?.(loaded.data)) return <p className="empty">{empty}</p>;
  return <>{children(loaded.data)}</>;
}
