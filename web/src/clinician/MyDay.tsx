import { api, isoDate, type Page, type Session } from '../api';
import { Section, Show, formatTime, useLoad } from '../shell/states';
import { discipline, type Clinician, type Day } from '../types';
import { humanType } from '../coordinator/dashboard';
import { Link } from '../shell/router';

/** The signed-in clinician's visits today in route order, with travel between stops. */
export function MyDay({ session }: { session: Session }) {
  const [day, reload] = useLoad(async () => {
    const roster = (await api<Page<Clinician>>('/scheduling/v1/clinicians?size=200')).items;
    const me = roster.find((c) => c.subject === session.subject);
    if (!me) return null;
    return api<Day>(`/scheduling/v1/clinicians/${encodeURIComponent(me.id)}/day?date=${isoDate()}`);
  });
  return (
    <>
      <h1>My day</h1>
      <Show loaded={day} what="your day" retry={reload}>
        {(d) =>
          d === null ? (
            <p className="empty">You are not on the agency's clinician roster yet, so there are no visits to show.</p>
          ) : d.stops.length === 0 ? (
            <p className="empty">No visits today.</p>
          ) : (
            <Section id="route" title={`${d.stops.length} visits, about ${d.totalTravelMinutes} minutes of travel`}>
              <ol className="route">
                {d.stops.map((s) => (
                  <li key={s.visitId}>
                    <span className="time">
                      {formatTime(s.start)}–{formatTime(s.end)}
                    </span>{' '}
                    {discipline(s.discipline)} · <Link to={`/patients/${s.patientId}`}>open chart</Link> ·{' '}
                    {humanType(s.status)}
                    {s.travelMinutesFromPrevious > 0 && (
                      <span className="travel">
                        {' '}
                        ({s.travelMinutesFromPrevious} min, {s.kilometresFromPrevious} km from the previous stop)
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </Section>
          )
        }
      </Show>
    </>
  );
}
