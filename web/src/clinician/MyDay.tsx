import { useState } from 'react';
import { api, type Page, type Session } from '../api';
import { Section, Show, formatDate, formatTime, useLoad } from '../shell/states';
import { discipline, fullName, type Clinician, type Day, type Patient, type Stop, type Visit } from '../types';
import { humanType } from '../coordinator/dashboard';
import { Link } from '../shell/router';
import { isScheduleEvent, useLive } from '../shell/live';
import { RouteMap } from './RouteMap';
import { VisitEvv } from './VisitEvv';
import type { Position } from './route';

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

async function loadMyDay(subject: string): Promise<MyDayData | null> {
  const roster = (await api<Page<Clinician>>('/scheduling/v1/clinicians?size=200')).items;
  const me = roster.find((c) => c.subject === subject);
  if (!me) return null;
  // no date: the service answers for today in the agency's time zone, whatever the device's zone
  const day = await api<Day>(`/scheduling/v1/clinicians/${encodeURIComponent(me.id)}/day`);
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

/** The signed-in clinician's visits today in route order, drawn as a route, with EVV check-in and check-out. */
export function MyDay({ session }: { session: Session }) {
  const [data, reload, refresh] = useLoad(() => loadMyDay(session.subject), [session.subject]);
  useLive(refresh, isScheduleEvent); // a visit booked, moved or cancelled: the day refreshes in place
  return (
    <>
      <h1>My day</h1>
      <Show loaded={data} what="your day" retry={reload}>
        {(d) =>
          d === null ? (
            <p className="empty">You are not on the agency&rsquo;s clinician roster yet, so there are no visits to show.</p>
          ) : d.day.stops.length === 0 ? (
            <p className="empty">No visits today ({formatDate(d.day.date)}).</p>
          ) : (
            <Route data={d} />
          )
        }
      </Show>
    </>
  );
}

function Route({ data }: { data: MyDayData }) {
  const { day, me, places, names } = data;
  const [changed, setChanged] = useState<Record<string, Visit>>({});
  const visitOf = (s: Stop) => changed[s.visitId] ?? data.visits[s.visitId];
  return (
    <>
      <Section
        id="route-drawing"
        title={`${formatDate(day.date)}: ${day.stops.length} ${day.stops.length === 1 ? 'visit' : 'visits'}, about ${day.totalTravelMinutes} minutes and ${day.totalKilometres} km of travel`}
      >
        <RouteMap home={me.homeBase} stops={day.stops.map((s) => (s.type === 'TELEHEALTH' ? null : places[s.patientId]))} />
      </Section>
      <Section id="route" title="Visits in route order">
        <ol className="route">
          {day.stops.map((s) => {
            const visit = visitOf(s);
            const patient = names[s.patientId];
            return (
              <li key={s.visitId} id={`stop-${s.visitId}`}>
                <p>
                  <span className="time">
                    {formatTime(s.start)}–{formatTime(s.end)}
                  </span>{' '}
                  {discipline(s.discipline)}
                  {s.type === 'TELEHEALTH' ? ' (telehealth)' : ''} ·{' '}
                  <Link to={`/patients/${s.patientId}`}>{patient ? fullName(patient) : 'open chart'}</Link>
                  {patient?.address?.line1 ? `, ${patient.address.line1}` : ''} · {humanType(visit?.status ?? s.status)}
                  {s.travelMinutesFromPrevious > 0 && (
                    <span className="travel">
                      {' '}
                      ({s.travelMinutesFromPrevious} min, {s.kilometresFromPrevious} km from the previous stop)
                    </span>
                  )}
                </p>
                {visit ? (
                  <VisitEvv visit={visit} onChanged={(v) => setChanged((c) => ({ ...c, [v.id]: v }))} />
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
