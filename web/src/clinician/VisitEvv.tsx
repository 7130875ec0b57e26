import { useEffect, useId, useReducer, useRef, useState } from 'react';
import { post } from '../api';
import { threadsOf } from '../messages/threads';
import { Link } from '../shell/router';
import { discipline, type Visit } from '../types';
import { evvOutcome, locate, noteMessage, noteProblem, MAX_NOTE, type Located } from './evv';
import { checkInState, type CheckInWindow } from './day';
import { VisitNote } from './VisitNote';

type Action = 'check-in' | 'check-out';

const systemNow = () => new Date();

/**
 * EVV for one visit: check in and out with the device's position (or, if there is none, without it, which the record
 * flags for review), and a visit note shared with the care team at check-out.
 */
export function VisitEvv({
  visit,
  onChanged,
  window,
  zone,
  now = systemNow,
}: {
  visit: Visit;
  onChanged: (visit: Visit) => void;
  /** When check-in is open (the day's stop says); without it the button shows and the service decides. */
  window?: CheckInWindow | null;
  zone?: string;
  now?: () => Date;
}) {
  const [phase, setPhase] = useState<'idle' | 'locating' | 'sending'>('idle');
  const [noLocation, setNoLocation] = useState<{ action: Action; reason: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [accuracy, setAccuracy] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const [unshared, setUnshared] = useState<Visit | null>(null);
  const [shared, setShared] = useState<string | null>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const busy = phase !== 'idle';

  const shareNote = async (done: Visit) => {
    try {
      const [team] = await threadsOf(done.patientId, 'CARE_TEAM');
      if (!team) {
        setUnshared(done);
        setError('The visit is checked out, but the patient\u2019s care-team thread was not found, so the note was not shared yet.');
        return;
      }
      await post(`/messaging/v1/threads/${team.id}/messages`, {
        body: noteMessage(note, discipline(done.discipline), done.checkOut?.at ?? new Date().toISOString()),
      });
      setUnshared(null);
      setNote('');
      setShared(team.id);
    } catch (e) {
      setUnshared(done);
      setError(`The visit is checked out, but the note could not be shared: ${e instanceof Error ? e.message : 'please try again.'}`);
    }
  };

  const send = async (action: Action, located: Located | null) => {
    setPhase('sending');
    setError(null);
    try {
      const body = located?.ok ? { latitude: located.latitude, longitude: located.longitude } : {};
      const done = await post<Visit>(`/scheduling/v1/visits/${visit.id}/${action}`, body);
      setNoLocation(null);
      setAccuracy(located?.ok ? `Your device placed you within about ${Math.round(located.accuracy)} m.` : null);
      onChanged(done);
      if (action === 'check-out' && note.trim()) await shareNote(done);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The visit could not be updated. Please try again.');
    } finally {
      setPhase('idle');
    }
  };

  const start = async (action: Action) => {
    setError(null);
    setNoLocation(null);
    if (action === 'check-out') {
      const problem = noteProblem(note);
      setNoteError(problem);
      if (problem) {
        noteRef.current?.focus();
        return;
      }
    }
    setPhase('locating');
    const located = await locate();
    if (!located.ok) {
      setPhase('idle');
      setNoLocation({ action, reason: located.reason });
      return;
    }
    await send(action, located);
  };

  const checkedIn = evvOutcome(visit, 'CHECK_IN');
  const checkedOut = evvOutcome(visit, 'CHECK_OUT');
  const label = (action: Action) => (action === 'check-in' ? 'Check in' : 'Check out');
  const checkIn = visit.status === 'SCHEDULED' && window && zone ? checkInState(window, zone, now()) : { open: true as const };
  // the page may stay open until the window opens or closes: look again then (timers cap at about 24 days)
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const nextAt = visit.status === 'SCHEDULED' && window ? [window.opensAt, window.closesAt].find((at) => Date.parse(at) > now().getTime()) : undefined;
  useEffect(() => {
    if (nextAt === undefined) return;
    const wait = Date.parse(nextAt) - now().getTime() + 1000;
    if (wait > 2_000_000_000) return;
    const timer = setTimeout(tick, wait);
    return () => clearTimeout(timer);
  }, [nextAt, now]);

  return (
    <div className="evv">
      <div role="status" aria-live="polite">
        {phase === 'locating' && <p>Finding your location…</p>}
        {phase === 'sending' && <p>Recording the visit…</p>}
        {checkedIn && <p className="evv-result">{checkedIn}</p>}
        {checkedOut && <p className="evv-result">{checkedOut}</p>}
        {accuracy && <p className="evv-result">{accuracy}</p>}
        {shared && (
          <p className="notice">
            The visit note is shared with the care team. <Link to={`/messages/${shared}`}>Open the thread</Link>
          </p>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {noLocation && (
        <div role="alert" className="error">
          <p>{noLocation.reason}</p>
          <p>
            You can {noLocation.action === 'check-in' ? 'check in' : 'check out'} without a location; the visit record will then
            carry a &ldquo;no location&rdquo; exception for the coordinator to review.
          </p>
          <button type="button" disabled={busy} onClick={() => start(noLocation.action)}>
            Try the location again
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => send(noLocation.action, null)}>
            {label(noLocation.action)} without location
          </button>
        </div>
      )}
      {visit.status === 'SCHEDULED' &&
        (checkIn.open ? (
          <button type="button" disabled={busy} onClick={() => start('check-in')}>
            Check in
          </button>
        ) : (
          <p className="hint check-in-closed">{checkIn.reason}</p>
        ))}
      {visit.status === 'CHECKED_IN' && (
        <div className="compose">
          <label htmlFor={`${id}-note`}>Visit note for the care team (optional)</label>
          <textarea
            id={`${id}-note`}
            ref={noteRef}
            rows={3}
            value={note}
            aria-describedby={`${id}-note-hint${noteError ? ` ${id}-note-error` : ''}`}
            aria-invalid={noteError ? true : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          <p id={`${id}-note-hint`} className="hint">
            Shared in the patient&rsquo;s care-team thread when you check out; at most {MAX_NOTE.toLocaleString('en-US')} characters.
          </p>
          {noteError && (
            <p id={`${id}-note-error`} role="alert" className="error">
              {noteError}
            </p>
          )}
          <div>
            <button type="button" disabled={busy} onClick={() => start('check-out')}>
              Check out
            </button>
          </div>
        </div>
      )}
      {visit.status === 'COMPLETED' && !shared && <VisitNote visit={visit} />}
      {unshared && (
        <button type="button" onClick={() => shareNote(unshared)}>
          Share the note again
        </button>
      )}
    </div>
  );
}
