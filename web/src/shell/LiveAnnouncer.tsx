import { useState } from 'react';
import { Link } from './router';
import { liveSentence, useLive } from './live';
import { apiLookups, describeLive, type NameLookups } from './liveNames';

/**
 * Says what just arrived (a new or urgent message, a notice; from whom and about whom) in a polite live region at the top of every page, with
 * a link to where it can be read. Schedule changes say nothing here: the pages that show them reload by themselves.
 */
export function LiveAnnouncer({ readAt, names = apiLookups }: { readAt: string; names?: NameLookups }) {
  const [latest, setLatest] = useState<{ sentence: string; count: number; event: unknown } | null>(null);
  useLive((event) => {
    const sentence = liveSentence(event);
    if (!sentence) return;
    setLatest((previous) => ({ sentence, count: (previous?.count ?? 0) + 1, event }));
    // then the same with who wrote and about whom, once read (unless something newer arrived meanwhile)
    describeLive(event, names).then(
      (named) => named && setLatest((current) => (current?.event === event ? { ...current, sentence: named } : current)),
      () => undefined,
    );
  });
  return (
    <div className="live-announcer" role="status" aria-live="polite">
      {latest && (
        <p>
          {latest.sentence}
          {latest.count > 1 && ` (${latest.count} new items)`} <Link to={readAt}>Open</Link>{' '}
          <button type="button" className="link" onClick={() => setLatest(null)}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
