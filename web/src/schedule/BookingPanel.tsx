import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, isoDate } from '../api';
import { Show, formatDate, useLoad } from '../shell/states';
import { discipline, type Visit } from '../types';
import { clinicianDiscipline, qualifiedFor, type RosterClinician } from './board';
import { bookVisit, bookingBody, loadVisit, type VersionedVisit } from './booking';

function timeOf(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Assign or reassign one visit: a qualified clinician, a day in the visit's window, a start and a length. The visit
 * is read again when the panel opens and booked with that version (If-Match), so a change by someone else in between
 * is refused, not overwritten. The booking rules (hours, travel, authorization, skills) are the service's; what they
 * refuse is shown as sentences.
 */
export function BookingPanel({
  visit,
  patientName,
  clinicians,
  onClose,
  onBooked,
}: {
  visit: Visit;
  patientName: string;
  clinicians: RosterClinician[];
  onClose: () => void;
  onBooked: (booked: Visit) => void;
}) {
  const [current, reload] = useLoad(() => loadVisit(visit.id), [visit.id]);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [visit.id]);
  const title = `${visit.booking ? 'Reassign' : 'Assign'} the ${discipline(visit.discipline)} visit of ${patientName}`;
  return (
    <section className="card booking-panel" aria-labelledby="booking-title">
      <h2 id="booking-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <Show loaded={current} what="the visit" retry={reload}>
        {(versioned) => (
          <BookingForm
            key={versioned.etag}
            versioned={versioned}
            clinicians={clinicians}
            onBooked={onBooked}
            onStale={reload}
            setMessage={setMessage}
          />
        )}
      </Show>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <button type="button" className="link" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

function BookingForm({
  versioned,
  clinicians,
  onBooked,
  onStale,
  setMessage,
}: {
  versioned: VersionedVisit;
  clinicians: RosterClinician[];
  onBooked: (booked: Visit) => void;
  onStale: () => void;
  setMessage: (message: string | null) => void;
}) {
  const { visit, etag } = versioned;
  const qualified = qualifiedFor(visit.discipline, clinicians);
  const booking = visit.booking;
  const [clinicianId, setClinicianId] = useState(
    booking && qualified.some((c) => c.id === booking.clinicianId) ? booking.clinicianId : (qualified[0]?.id ?? ''),
  );
  const [day, setDay] = useState(booking ? isoDate(new Date(booking.start)) : visit.earliest);
  const [start, setStart] = useState(booking ? timeOf(booking.start) : '09:00');
  const [minutes, setMinutes] = useState(
    booking ? Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60000) : 60,
  );
  const [busy, setBusy] = useState(false);
  const movable = visit.status === 'UNSCHEDULED' || visit.status === 'SCHEDULED';

  const book = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = bookingBody({ clinicianId, day, start, minutes }, visit);
    if (!body) {
      setMessage(errors.join(' '));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onBooked(await bookVisit(visit.id, etag, body));
    } catch (e) {
      const sentence = e instanceof Error ? e.message : 'The visit could not be booked.';
      if (e instanceof ApiError && e.status === 412) {
        setMessage(`${sentence} The visit has been read again; check it and book again.`);
        onStale();
      } else {
        setMessage(sentence);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p>
        To happen between {formatDate(visit.earliest)} and {formatDate(visit.latest)}; now {visit.status.toLowerCase().replace('_', ' ')}.
      </p>
      {!movable ? (
        <p>This visit has started or ended; it can no longer be moved.</p>
      ) : qualified.length === 0 ? (
        <p className="empty">No active clinician on the roster is qualified for {discipline(visit.discipline)} visits.</p>
      ) : (
        <form onSubmit={book} className="booking-form" noValidate>
          <label>
            Clinician
            <select value={clinicianId} onChange={(e) => setClinicianId(e.target.value)} required>
              {qualified.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({clinicianDiscipline(c.discipline)})
                </option>
              ))}
            </select>
          </label>
          <label>
            Day
            <input type="date" value={day} min={visit.earliest} max={visit.latest} onChange={(e) => setDay(e.target.value)} required />
          </label>
          <label>
            Start
            <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
          </label>
          <label>
            Minutes
            <input type="number" min={15} max={240} step={5} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Booking…' : 'Book'}
          </button>
        </form>
      )}
    </>
  );
}
