import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { ApiError } from '../api';
import { Show, formatDate, useLoad } from '../shell/states';
import { discipline, type Visit } from '../types';
import { addDays, clinicianDiscipline, qualifiedFor, type RosterClinician } from './board';
import { bookVisit, bookingBody, loadVisit, type VersionedVisit } from './booking';
import { loadSlots, loadText, sentence, travelText, type Offer, type Slot, type VisitType } from './slots';
import { clockIn, dayIn, timeIn, todayIn, zoneLabel, zoneName } from './zone';

/**
 * Assign or reassign one visit: a qualified clinician, a day in the visit's window, a start and a length, in the home
 * or by video. The service offers the free slots of the chosen day per clinician, with each one's load and travel;
 * choosing one fills the form and moves to Book, so the whole booking works from the keyboard (Escape closes).
 * Times are the agency's zone, labelled. The visit is read again when the panel opens and booked with that version
 * (If-Match), so a change by someone else in between is refused, not overwritten; what the rules refuse is shown as
 * sentences.
 */
export function BookingPanel({
  visit,
  patientName,
  clinicians,
  zone,
  onClose,
  onBooked,
}: {
  visit: Visit;
  patientName: string;
  clinicians: RosterClinician[];
  /** The agency's zone (IANA id) */
  zone: string;
  onClose: () => void;
  onBooked: (booked: Visit) => void;
}) {
  const [current, reload] = useLoad(() => loadVisit(visit.id), [visit.id]);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [visit.id]);
  const title = `${visit.booking ? 'Reassign' : 'Assign'} the ${discipline(visit.discipline)} visit of ${patientName}`;
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
  };
  return (
    <section className="card booking-panel" aria-labelledby="booking-title" onKeyDown={escape}>
      <h2 id="booking-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <Show loaded={current} what="the visit" retry={reload}>
        {(versioned) => (
          <BookingForm
            key={versioned.etag}
            versioned={versioned}
            clinicians={clinicians}
            zone={zone}
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

/** The first day of the visit's window that is not past (the window's last day if it has passed). */
export function firstOpenDay(visit: Pick<Visit, 'earliest' | 'latest'>, today: string): string {
  if (today > visit.latest) return visit.latest;
  return today > visit.earliest ? today : visit.earliest;
}

function BookingForm({
  versioned,
  clinicians,
  zone,
  onBooked,
  onStale,
  setMessage,
}: {
  versioned: VersionedVisit;
  clinicians: RosterClinician[];
  zone: string;
  onBooked: (booked: Visit) => void;
  onStale: () => void;
  setMessage: (message: string | null) => void;
}) {
  const { visit, etag } = versioned;
  const qualified = qualifiedFor(visit.discipline, clinicians);
  const booking = visit.booking as (Visit['booking'] & { telehealthLink?: string | null }) | null | undefined;
  const [clinicianId, setClinicianId] = useState(
    booking && qualified.some((c) => c.id === booking.clinicianId) ? booking.clinicianId : (qualified[0]?.id ?? ''),
  );
  const [day, setDay] = useState(booking ? dayIn(booking.start, zone) : firstOpenDay(visit, todayIn(zone)));
  const [start, setStart] = useState(booking ? clockIn(booking.start, zone) : '09:00');
  const [minutes, setMinutes] = useState(
    booking ? Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60000) : 60,
  );
  const [type, setType] = useState<VisitType>(visit.type === 'TELEHEALTH' ? 'TELEHEALTH' : 'IN_HOME');
  const [link, setLink] = useState(booking?.telehealthLink ?? '');
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const bookButton = useRef<HTMLButtonElement>(null);
  const movable = visit.status === 'UNSCHEDULED' || visit.status === 'SCHEDULED';
  const label = zoneLabel(zone);

  const choose = (c: { clinicianId: string; name: string }, slot: Slot) => {
    setClinicianId(c.clinicianId);
    setStart(clockIn(slot.start, zone));
    setChosen(`${c.name} on ${formatDate(day)} at ${timeIn(slot.start, zone)} chosen; check the form and book.`);
    bookButton.current?.focus();
  };

  const book = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = bookingBody({ clinicianId, day, start, minutes, type, telehealthLink: link }, visit, zone);
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
        Times are {zoneName(zone)} ({label}), the agency's time zone.
      </p>
      {!movable ? (
        <p>This visit has started or ended; it can no longer be moved.</p>
      ) : qualified.length === 0 ? (
        <p className="empty">No active clinician on the roster is qualified for {discipline(visit.discipline)} visits.</p>
      ) : (
        <form onSubmit={book} className="booking-form" noValidate>
          <label>
            Visit type
            <select value={type} onChange={(e) => setType(e.target.value as VisitType)}>
              <option value="IN_HOME">In the home</option>
              <option value="TELEHEALTH">Telehealth (video call)</option>
            </select>
          </label>
          {type === 'TELEHEALTH' && (
            <label>
              Video link
              <input type="url" value={link} placeholder="https://" onChange={(e) => setLink(e.target.value)} required />
            </label>
          )}
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
            Start ({label})
            <input type="time" value={start} onChange={(e) => setStart(e.target.value)} required />
          </label>
          <label>
            Minutes
            <input type="number" min={15} max={240} step={5} value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} required />
          </label>
          <FreeSlots
            visit={visit}
            day={day}
            minutes={minutes}
            type={type}
            zone={zone}
            onDay={setDay}
            onChoose={choose}
          />
          {chosen && (
            <p role="status" className="chosen">
              {chosen}
            </p>
          )}
          <button type="submit" disabled={busy} ref={bookButton}>
            {busy ? 'Booking…' : 'Book'}
          </button>
        </form>
      )}
    </>
  );
}

/** The service's free slots of the day per qualified clinician, with load and travel; a slot fills the form. */
function FreeSlots({
  visit,
  day,
  minutes,
  type,
  zone,
  onDay,
  onChoose,
}: {
  visit: Visit;
  day: string;
  minutes: number;
  type: VisitType;
  zone: string;
  onDay: (day: string) => void;
  onChoose: (c: { clinicianId: string; name: string }, slot: Slot) => void;
}) {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(day) && Number.isInteger(minutes) && minutes >= 15 && minutes <= 240;
  const [offer, reload] = useLoad<Offer | null>(
    () => (valid ? loadSlots(visit.id, day, minutes, type) : Promise.resolve(null)),
    [visit.id, day, minutes, type, valid],
  );
  return (
    <div className="free-slots">
      <h3 id="free-slots-title">Free slots on {valid ? formatDate(day) : 'the chosen day'}</h3>
      <div className="slot-days">
        <button type="button" onClick={() => onDay(addDays(day, -1))} disabled={!valid || day <= visit.earliest}>
          ← Earlier
        </button>
        <button type="button" onClick={() => onDay(addDays(day, 1))} disabled={!valid || day >= visit.latest}>
          Later →
        </button>
      </div>
      <Show loaded={offer} what="free slots" retry={reload}>
        {(o) =>
          !o ? (
            <p className="muted">Choose a day and a length to see free slots.</p>
          ) : (
            <>
              {o.blockers.length > 0 && (
                <p className="blocked">
                  <span aria-hidden="true">⛔ </span>No free slot: {o.blockers.map((b) => sentence(b.message)).join(' ')}
                </p>
              )}
              <ul className="slot-clinicians">
                {o.clinicians.map((c) => (
                  <li key={c.clinicianId}>
                    <h4>
                      {c.name} <span className="muted">({clinicianDiscipline(c.discipline)})</span>
                    </h4>
                    <p className="muted">{loadText(c)}</p>
                    {c.slots.length === 0 ? (
                      <p className="muted">Nothing free: {c.why.map((b) => sentence(b.message)).join(' ')}</p>
                    ) : (
                      <ul className="slots">
                        {c.slots.map((s) => (
                          <li key={s.start}>
                            <button
                              type="button"
                              className="slot"
                              aria-label={`${timeIn(s.start, zone)} with ${c.name}, ${travelText(s.travelMinutesFromPrevious)}`}
                              onClick={() => onChoose(c, s)}
                            >
                              {timeIn(s.start, zone)} · {travelText(s.travelMinutesFromPrevious)}
                            </button>
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </Show>
    </div>
  );
}
