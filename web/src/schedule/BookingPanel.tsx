import { useState, type FormEvent } from 'react';
import { ApiError, api, CONSOLE } from '../api';
import { formatDate } from '../shell/states';
import { discipline, type Visit } from '../types';
import { dayOf, instantOf, qualifiedFor, type RosterClinician } from './board';

function timeOf(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Assign or reassign one visit: a qualified clinician, a day in the visit's window, a start and a length. The
 * booking rules (hours, travel, authorization, skills) are the service's; what they refuse is shown as sentences.
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
  onBooked: () => void;
}) {
  const qualified = qualifiedFor(visit.discipline, clinicians);
  const booking = visit.booking;
  const [clinicianId, setClinicianId] = useState(booking?.clinicianId ?? qualified[0]?.id ?? '');
  const [day, setDay] = useState(booking ? dayOf(new Date(booking.start)) : visit.earliest);
  const [start, setStart] = useState(booking ? timeOf(booking.start) : '09:00');
  const [minutes, setMinutes] = useState(
    booking ? Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60000) : 60,
  );
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const movable = visit.status === 'UNSCHEDULED' || visit.status === 'SCHEDULED';

  const book = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const id = encodeURIComponent(visit.id);
      // If-Match: the version just read, so a change by someone else in between is refused, not overwritten
      const current = await fetch(`${CONSOLE}/api/scheduling/v1/visits/${id}`, { credentials: 'same-origin' });
      if (!current.ok) throw new ApiError(current.status, 'This visit could not be read again. Reload the board.');
      const from = instantOf(day, start);
      const to = new Date(Date.parse(from) + minutes * 60000).toISOString();
      await api(`/scheduling/v1/visits/${id}/booking`, {
        method: 'PUT',
        headers: { 'If-Match': current.headers.get('ETag') ?? '' },
        body: JSON.stringify({ clinicianId, start: from, end: to }),
      });
      onBooked();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The visit could not be booked.');
    } finally {
      setBusy(false);
    }
  };

  const title = `${booking ? 'Reassign' : 'Assign'} the ${discipline(visit.discipline)} visit of ${patientName}`;
  return (
    <section className="card booking-panel" aria-labelledby="booking-title">
      <h2 id="booking-title">{title}</h2>
      <p>
        To happen between {formatDate(visit.earliest)} and {formatDate(visit.latest)}; now {visit.status.toLowerCase().replace('_', ' ')}.
      </p>
      {!movable ? (
        <p>This visit has started or ended; it can no longer be moved.</p>
      ) : qualified.length === 0 ? (
        <p className="empty">No clinician on the roster is qualified for {discipline(visit.discipline)} visits.</p>
      ) : (
        <form onSubmit={book} className="booking-form">
          <label>
            Clinician
            <select value={clinicianId} onChange={(e) => setClinicianId(e.target.value)} required>
              {qualified.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.discipline})
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
            <input type="number" min={15} max={240} step={15} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} required />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? 'Booking…' : 'Book'}
          </button>
        </form>
      )}
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
