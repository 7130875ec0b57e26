import { useState } from 'react';
import { api, type Page } from '../api';
import { discipline, type Message, type Thread, type Visit } from '../types';
import { noteHeading } from './evv';

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
      const threads = (await api<Page<Thread>>('/messaging/v1/threads?size=200')).items;
      const team = threads.find((t) => t.kind === 'CARE_TEAM' && t.patientId === visit.patientId);
      const messages = team ? await api<Message[]>(`/messaging/v1/threads/${team.id}/messages?size=200`) : [];
      const found = messages.find((m) => !m.deleted && m.body?.startsWith(heading));
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
