import { ApiError, api, isoDate, type Page } from '../api';
import { Link } from '../shell/router';
import { isScheduleEvent, noticeKind, useLive } from '../shell/live';
import { Section, Show, formatDate, formatTime, useLoad } from '../shell/states';
import { discipline, fullName, type Alert, type Board, type Patient, type PriorAuthorization, type TransitionOfCare, type Visit } from '../types';
import { SEVERITIES, alertsBySeverity, authorizationConcerns, humanType, overdueTasks, visitsOn } from './dashboard';

function usePatientNames() {
  return useLoad(async () => {
    const page = await api<Page<Patient>>('/patients/v1/patients?size=200');
    return new Map(page.items.map((p) => [p.id, fullName(p)]));
  });
}

export function CoordinatorDashboard() {
  const today = isoDate();
  const [names] = usePatientNames();
  const name = (id: string) => (names.state === 'ready' ? names.data.get(id) : undefined) ?? 'Patient';
  const [todays, reloadToday, refreshToday] = useLoad(async () => {
    const page = await api<Page<Visit>>(`/scheduling/v1/visits?from=${today}&to=${today}&size=200`);
    return visitsOn(page.items, today);
  });
  const [board, reloadBoard, refreshBoard] = useLoad(() => api<Board>(`/scheduling/v1/board?week=${today}`));
  const [missed, reloadMissed, refreshMissed] = useLoad(async () =>
    (await api<Page<Visit>>('/scheduling/v1/visits?status=MISSED&size=50')).items,
  );
  const [alerts, reloadAlerts, refreshAlerts] = useLoad(async () =>
    (await api<Page<Alert>>('/patients/v1/alerts?status=OPEN&size=200')).items,
  );
  const [tasks, reloadTasks] = useLoad(async () => {
    const patients = (await api<Page<Patient>>('/patients/v1/patients?size=50')).items;
    const transitions = await Promise.all(
      patients.map((p) =>
        api<TransitionOfCare>(`/patients/v1/patients/${p.id}/transition-of-care`).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null; // not after a hospital stay
          throw e;
        }),
      ),
    );
    return overdueTasks(transitions.filter((t): t is TransitionOfCare => t !== null), today);
  });
  const [authorizations, reloadAuthorizations, refreshAuthorizations] = useLoad(async () =>
    authorizationConcerns((await api<Page<PriorAuthorization>>('/billing/v1/authorizations?size=200')).items, new Date()),
  );
  // live: schedule changes and missed visits move the visit sections; alerts arrive as urgent care-team messages
  useLive((event) => {
    if (isScheduleEvent(event)) {
      refreshToday();
      refreshBoard();
      refreshMissed();
    } else if (noticeKind(event) === 'authorization-low') {
      refreshAuthorizations();
    } else {
      refreshAlerts();
    }
  }, (event) => event.kind !== 'ACKNOWLEDGED');

  return (
    <>
      <h1>Agency dashboard</h1>
      <div className="grid">
        <Section id="today" title="Today's visits">
          <Show loaded={todays} what="today's visits" retry={reloadToday} isEmpty={(v) => v.length === 0} empty="No visits are booked for today.">
            {(visits) => (
              <ul className="list">
                {visits.map((v) => (
                  <li key={v.id}>
                    <span className="time">{formatTime(v.booking?.start)}</span> {discipline(v.discipline)} ·{' '}
                    <Link to={`/patients/${v.patientId}`}>{name(v.patientId)}</Link>{' '}
                    <span className={`badge ${v.status.toLowerCase()}`}>{humanType(v.status)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
        <Section id="unassigned" title="Unassigned visits this week">
          <Show loaded={board} what="the week's board" retry={reloadBoard} isEmpty={(b) => b.unassigned.length === 0} empty="Every visit this week has a clinician.">
            {(b) => (
              <>
                <p className="figure">{b.unassigned.length}</p>
                <ul className="list">
                  {b.unassigned.slice(0, 8).map((v) => (
                    <li key={v.id}>
                      {discipline(v.discipline)} for <Link to={`/patients/${v.patientId}`}>{name(v.patientId)}</Link>,
                      between {formatDate(v.earliest)} and {formatDate(v.latest)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Show>
        </Section>
        <Section id="missed" title="Missed visits">
          <Show loaded={missed} what="missed visits" retry={reloadMissed} isEmpty={(v) => v.length === 0} empty="No missed visits.">
            {(visits) => (
              <ul className="list">
                {visits.map((v) => (
                  <li key={v.id}>
                    {discipline(v.discipline)} for <Link to={`/patients/${v.patientId}`}>{name(v.patientId)}</Link>
                    {v.booking && <> on {formatDate(v.booking.start.slice(0, 10))}</>}
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
        <Section id="alerts" title="Open alerts by severity">
          <Show loaded={alerts} what="alerts" retry={reloadAlerts}>
            {(list) => {
              const counts = alertsBySeverity(list);
              return (
                <dl className="severities">
                  {SEVERITIES.map((s) => (
                    <div key={s} className={`severity ${s.toLowerCase()}`}>
                      <dt>{humanType(s)}</dt>
                      <dd>
                        <Link to={`/alerts/${s.toLowerCase()}`} aria-label={`${counts[s]} open ${humanType(s).toLowerCase()} ${counts[s] === 1 ? 'alert' : 'alerts'}`}>
                          {counts[s]}
                        </Link>
                      </dd>
                    </div>
                  ))}
                </dl>
              );
            }}
          </Show>
        </Section>
        <Section id="transitions" title="Overdue transition-of-care tasks">
          <Show loaded={tasks} what="transition tasks" retry={reloadTasks} isEmpty={(t) => t.length === 0} empty="No transition task is overdue.">
            {(list) => (
              <ul className="list">
                {list.map((t) => (
                  <li key={t.patientId + t.type}>
                    {humanType(t.type)} for <Link to={`/patients/${t.patientId}`}>{name(t.patientId)}</Link>, due{' '}
                    {formatDate(t.dueOn)}
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
        <Section id="authorizations" title="Authorizations low or overdue">
          <Show loaded={authorizations} what="authorizations" retry={reloadAuthorizations} isEmpty={(a) => a.length === 0} empty="No authorization needs attention.">
            {(list) => (
              <ul className="list">
                {list.map(({ authorization: a, concern }) => (
                  <li key={a.id}>
                    {discipline(a.discipline)} for <Link to={`/patients/${a.patientId}`}>{name(a.patientId)}</Link>:{' '}
                    <strong>{concern}</strong>
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
      </div>
    </>
  );
}
