import { ApiError, allPages, api, isoDate } from '../api';
import { Link } from '../shell/router';
import { isScheduleEvent, noticeKind, useLive } from '../shell/live';
import { Section, Show, formatDate, formatTime, useLoad, type Loaded } from '../shell/states';
import { discipline, type Alert, type Board, type PriorAuthorization, type TransitionOfCare, type Visit } from '../types';
import { patientNames } from '../patients/names';
import { SEVERITIES, alertsBySeverity, authorizationConcerns, humanType, overdueTasks, visitsOn } from './dashboard';

/** How far back the missed visits go: missed visits stay missed, so "all of them" only grows. */
export const MISSED_DAYS = 14;

/** Counts and lists over the whole agency: every list is read whole (allPages), never its first page only. */
export function CoordinatorDashboard() {
  const today = isoDate();
  const [names, reloadNames] = useLoad(patientNames);
  const name = (id: string) => (names.state === 'ready' ? names.data.get(id) : undefined) ?? 'Patient';
  const [todays, reloadToday, refreshToday] = useLoad(async () =>
    visitsOn(await allPages<Visit>(`/scheduling/v1/visits?from=${today}&to=${today}`, { what: 'visits today' }), today),
  );
  const [board, reloadBoard, refreshBoard] = useLoad(() => api<Board>(`/scheduling/v1/board?week=${today}`));
  const [missed, reloadMissed, refreshMissed] = useLoad(async () => {
    const since = new Date();
    since.setDate(since.getDate() - (MISSED_DAYS - 1));
    return allPages<Visit>(`/scheduling/v1/visits?status=MISSED&from=${isoDate(since)}&to=${today}`, { what: 'missed visits' });
  });
  const [alerts, reloadAlerts, refreshAlerts] = useLoad(() => allPages<Alert>('/patients/v1/alerts?status=OPEN', { what: 'open alerts' }));
  // every patient's transition of care: the ids come from the names, read whole
  const [tasks, reloadTasks] = useLoad(async () => {
    if (names.state !== 'ready') return null;
    const transitions = await Promise.all(
      [...names.data.keys()].map((id) =>
        api<TransitionOfCare>(`/patients/v1/patients/${encodeURIComponent(id)}/transition-of-care`).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null; // not after a hospital stay
          throw e;
        }),
      ),
    );
    return overdueTasks(transitions.filter((t): t is TransitionOfCare => t !== null), today);
  }, [names]);
  // only the statuses a concern can come from (units low or used up, a decision overdue), each read whole
  const [authorizations, reloadAuthorizations, refreshAuthorizations] = useLoad(async () => {
    const lists = await Promise.all(
      ['APPROVED', 'PARTIALLY_APPROVED', 'PENDING', 'APPEALED'].map((status) =>
        allPages<PriorAuthorization>(`/billing/v1/authorizations?status=${status}`, { what: `${humanType(status).toLowerCase()} authorizations` }),
      ),
    );
    return authorizationConcerns(lists.flat(), new Date());
  });
  // the tasks wait for the patients (and show why when the patients could not be read)
  const tasksShown: Loaded<ReturnType<typeof overdueTasks>> =
    names.state === 'error'
      ? names
      : names.state === 'loading' || tasks.state === 'loading' || (tasks.state === 'ready' && tasks.data === null)
        ? { state: 'loading' }
        : tasks.state === 'error'
          ? tasks
          : { state: 'ready', data: tasks.data ?? [] };
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
      {names.state === 'error' && <p className="muted">Patient names could not be loaded: {names.message}</p>}
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
        <Section id="missed" title={`Missed visits, last ${MISSED_DAYS} days`}>
          <Show loaded={missed} what="missed visits" retry={reloadMissed} isEmpty={(v) => v.length === 0} empty={`No visit was missed in the last ${MISSED_DAYS} days.`}>
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
          <Show loaded={tasksShown} what="transition tasks" retry={names.state === 'error' ? reloadNames : reloadTasks} isEmpty={(t) => t.length === 0} empty="No transition task is overdue.">
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
