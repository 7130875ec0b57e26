import { useId, useRef, useState } from 'react';
import { allPages, api, type Session } from '../api';
import { Section, Show, useLoad } from '../shell/states';
import { discipline, fullName, type Clinician, type Day, type Patient, type Stop, type Visit } from '../types';
import { humanType } from '../coordinator/dashboard';
import { Link } from '../shell/router';
import { isScheduleEvent, useLive } from '../shell/live';
import { RouteMap } from './RouteMap';
import { VisitEvv } from './VisitEvv';
import type { Position } from './route';
import { addressLine, dayTitle, isDate, mapsUrl, shiftDay, timeIn, todayIn, zoneLabel } from './day';
import './day.css';

interface MyDayData {
  me: Clinician;
  day: Day;
  /** Per patient: where scheduling places the home (what EVV compares with), and the name. */
  places: Record<string, Position | null>;
  names: Record<string, Patient | null>;
  visits: Record<string, Visit | null>;
}

async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch {
    return null;
  }
}

async function loadMyDay(subject: string, date: string | null): Promise<MyDayData | null> {
  // the roster has no "me" query: my entry is looked up in the whole roster (all pages), wherever it sorts
  const roster = await allPages<Clinician>('/scheduling/v1/clinicians', { what: 'clinicians on the roster' });
  const me = roster.find((c) => c.subject === subject);
  if (!me) return null;
  // no date: the service answers for today in the agency's time zone, whatever the device's zone
  const day = await api<Day>(`/scheduling/v1/clinicians/${encodeURIComponent(me.id)}/day${date ? `?date=${date}` : ''}`);
  const patients = [...new Set(day.stops.map((s) => s.patientId))];
  const [places, names, visits] = await Promise.all([
    Promise.all(
      patients.map((id) =>
        orNull(api<{ latitude?: number | null; longitude?: number | null }>(`/scheduling/v1/patients/${encodeURIComponent(id)}`)),
      ),
    ),
    Promise.all(patients.map((id) => orNull(api<Patient>(`/patients/v1/patients/${encodeURIComponent(id)}`)))),
    Promise.all(day.stops.map((s) => orNull(api<Visit>(`/scheduling/v1/visits/${encodeURIComponent(s.visitId)}`)))),
  ]);
  const position = (p: { latitude?: number | null; longitude?: number | null } | null): Position | null =>
    p && p.latitude != null && p.longitude != null ? { latitude: p.latitude, longitude: p.longitude } : null;
  return {
    me,
    day,
    places: Object.fromEntries(patients.map((id, i) => [id, position(places[i])])),
    names: Object.fromEntries(patients.map((id, i) => [id, names[i]])),
    visits: Object.fromEntries(day.stops.map((s, i) => [s.visitId, visits[i]])),
  };
}

/** The day asked for in the address (?date=YYYY-MM-DD), so that a reload or a shared link keeps it. */
function dateInAddress(): string | null {
  const asked = new URLSearchParams(window.location.search).get('date');
  return isDate(asked) ? asked : null;
}

/**
 * The signed-in clinician's visits on any day (today by default; the day before or after, or any date) in route
 * order, drawn as a route, with EVV check-in (only while its window is open) and check-out, and the visit note.
 */
export function MyDay({ session }: { session: Session }) {
  const [date, setDate] = useState<string | null>(dateInAddress);
  const [data, reload, refresh] = useLoad(() => loadMyDay(session.subject, date), [session.subject, date]);
  useLive(refresh, isScheduleEvent); // a visit booked, moved or cancelled: the day refreshes in place
  const go = (next: string | null) => {
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('date', next);
    else url.searchParams.delete('date');
    window.history.replaceState(window.history.state, '', url);
    setDate(next);
  };
  // the picker stays while another day loads (keyboard focus stays on the button pressed)
  const lastDay = useRef<Day | null>(null);
  if (data.state === 'ready' && data.data) lastDay.current = data.data.day;
  const shown = lastDay.current;
  return (
    <>
      <h1>My day</h1>
      {shown && <DayPicker day={shown} onGo={go} />}
      <Show loaded={data} what="your day" retry={reload}>
        {(d) =>
          d === null ? (
            <p className="empty">You are not on the agency&rsquo;s clinician roster yet, so there are no visits to show.</p>
          ) : d.day.stops.length === 0 ? (
            <p className="empty">No visits on {dayTitle(d.day.date)}.</p>
          ) : (
            <Route key={d.day.date} data={d} />
          )
        }
      </Show>
    </>
  );
}

/** Which day: the one before, today, the one after, or any date; dates and times are the agency's. */
function DayPicker({ day, onGo }: { day: Day; onGo: (date: string | null) => void }) {
  const inputId = useId();
  const zone = day.zone ?? 'America/New_York';
  const today = todayIn(zone);
  return (
    <nav className="day-picker" aria-label="Choose the day">
      <p className="day-title">
        <strong>{dayTitle(day.date)}</strong>
        {day.date === today ? ' (today)' : ''} · times in the agency&rsquo;s zone ({zoneLabel(zone)})
      </p>
      <button type="button" onClick={() => onGo(shiftDay(day.date, -1))}>
        ← Previous day
      </button>{' '}
      <button type="button" onClick={() => onGo(null)} disabled={day.date === today}>
        Today
      </button>{' '}
      <button type="button" onClick={() => onGo(shiftDay(day.date, 1))}>
        Next day →
      </button>{' '}
      <label htmlFor={inputId}>Go to date</label>{' '}
      <input
        id={inputId}
        type="date"
        value={day.date}
        onChange={(e) => {
          if (isDate(e.target.value)) onGo(e.target.value);
        }}
      />
    </nav>
  );
}

function Route({ data }: { data: MyDayData }) {
  const { day, me, places, names } = data;
  const zone = day.zone ?? 'America/New_York';
  const [changed, setChanged] = useState<Record<string, Visit>>({});
  const visitOf = (s: Stop) => changed[s.visitId] ?? data.visits[s.visitId];
  return (
    <>
      <Section
        id="route-drawing"
        title={`${dayTitle(day.date)}: ${day.stops.length} ${day.stops.length === 1 ? 'visit' : 'visits'}, about ${day.totalTravelMinutes} minutes and ${day.totalKilometres} km of travel`}
      >
        <RouteMap home={me.homeBase} stops={day.stops.map((s) => (s.type === 'TELEHEALTH' ? null : places[s.patientId]))} />
      </Section>
      <Section id="route" title="Visits in route order">
        <ol className="route">
          {day.stops.map((s) => {
            const visit = visitOf(s);
            const patient = names[s.patientId];
            const maps = s.type === 'TELEHEALTH' ? null : mapsUrl(patient?.address, places[s.patientId]);
            return (
              <li key={s.visitId} id={`stop-${s.visitId}`}>
                <p>
                  <span className="time">
                    {timeIn(s.start, zone)}–{timeIn(s.end, zone)}
                  </span>{' '}
                  {discipline(s.discipline)}
                  {s.type === 'TELEHEALTH' ? ' (telehealth)' : ''} ·{' '}
                  <Link to={`/patients/${s.patientId}`}>{patient ? fullName(patient) : 'open chart'}</Link>
                  {addressLine(patient?.address) ? `, ${addressLine(patient?.address)}` : ''} · {humanType(visit?.status ?? s.status)}
                  {s.travelMinutesFromPrevious > 0 && (
                    <span className="travel">
                      {' '}
                      ({s.travelMinutesFromPrevious} min, {s.kilometresFromPrevious} km from the previous stop)
                    </span>
                  )}
                </p>
                {maps && (
                  <p>
                    <a href={maps} target="_blank" rel="noopener noreferrer">
                      Open in maps: {patient ? fullName(patient) : 'the patient'}&rsquo;s home (opens your maps app or a new tab)
                    </a>
                  </p>
                )}
                {visit ? (
                  <VisitEvv
                    visit={visit}
                    onChanged={(v) => setChanged((c) => ({ ...c, [v.id]: v }))}
                    window={s.checkInOpensAt && s.checkInClosesAt ? { opensAt: s.checkInOpensAt, closesAt: s.checkInClosesAt } : null}
                    zone={zone}
                  />
                ) : (
                  <p className="empty">The visit&rsquo;s EVV record could not be loaded.</p>
                )}
              </li>
            );
          })}
        </ol>
      </Section>
    </>
  );
}
