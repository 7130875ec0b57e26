import { useState } from 'react';
import { api } from '../api';
import { threadsOf } from '../messages/threads';
import { discipline, type Message, type Visit } from '../types';
import { noteHeading } from './evv';

const BATCH = 200;

/**
 * The note in the thread, paging back (newest first, before=the oldest seen) until it is found or the messages are
 * older than the check-out, before which it cannot have been shared: a busy thread does not hide an older note.
 */
async function findNote(threadId: string, heading: string, checkedOutAt: string): Promise<Message | undefined> {
  let before: string | undefined;
  for (;;) {
    const batch = await api<Message[]>(
      `/messaging/v1/threads/${encodeURIComponent(threadId)}/messages?size=${BATCH}${before ? `&before=${encodeURIComponent(before)}` : ''}`,
    );
    const found = batch.find((m) => !m.deleted && m.body?.startsWith(heading));
    if (found || batch.length < BATCH) return found;
    const oldest = batch[batch.length - 1].sentAt;
    if (oldest === before || Date.parse(oldest) < Date.parse(checkedOutAt)) return undefined;
    before = oldest;
  }
}

/**
 * The note written at check-out of a completed visit, read back from the patient's care-team thread where it was
 * shared (found by its heading: discipline and check-out time). Loaded on request: a day has several visits.
 */
export function VisitNote({ visit }: { visit: Visit }) {
  const [note, setNote] = useState<{ state: 'idle' | 'loading' } | { state: 'done'; text: string | null } | { state: 'failed'; error: string }>({
    state: 'idle',
  });
  if (!visit.checkOut) return null;
  const heading = noteHeading(discipline(visit.discipline), visit.checkOut.at);
  const load = async () => {
    setNote({ state: 'loading' });
    try {
      const [team] = await threadsOf(visit.patientId, 'CARE_TEAM');
      const found = team ? await findNote(team.id, heading, visit.checkOut!.at) : undefined;
      setNote({ state: 'done', text: found ? found.body.slice(heading.length).trim() : null });
    } catch (e) {
      setNote({ state: 'failed', error: e instanceof Error ? e.message : 'The visit note could not be loaded.' });
    }
  };
  return (
    <div className="visit-note" aria-live="polite">
      {note.state === 'idle' && (
        <button type="button" onClick={load}>
          Read the visit note
        </button>
      )}
      {note.state === 'loading' && <p>Loading the visit note…</p>}
      {note.state === 'done' &&
        (note.text ? (
          <blockquote>
            <p className="meta">Visit note shared with the care team:</p>
            <p className="note-text">{note.text}</p>
          </blockquote>
        ) : (
          <p className="empty">No note was shared for this visit.</p>
        ))}
      {note.state === 'failed' && (
        <p role="alert" className="error">
          {note.error}
        </p>
      )}
    </div>
  );
}
