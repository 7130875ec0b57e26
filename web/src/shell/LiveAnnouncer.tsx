import { useState } from 'react';
import { Link } from './router';
import { liveSentence, useLive } from './live';

/**
 * Says what just arrived (a new or urgent message, a notice) in a polite live region at the top of every page, with
 * a link to where it can be read. Schedule changes say nothing here: the pages that show them reload by themselves.
 */
export function LiveAnnouncer({ readAt }: { readAt: string }) {
  const [latest, setLatest] = useState<{ sentence: string; count: number } | null>(null);
  useLive((event) => {
    const sentence = liveSentence(event);
    if (sentence) setLatest((previous) => ({ sentence, count: (previous?.count ?? 0) + 1 }));
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
