import { useMemo, useState } from 'react';
import { api, isoDate, type Page } from '../api';
import { Section, Show, formatDate, formatTime, useLoad } from '../shell/states';
import { isScheduleEvent, useLive } from '../shell/live';
import { discipline, fullName, type Board, type Patient, type Visit } from '../types';
import { byClinicianAndDay, conflicts, shiftWeek, weekDays, type RosterClinician } from './board';
import { BookingPanel } from './BookingPanel';
import { humanType } from '../coordinator/dashboard';
import { OptimizerPanel } from './OptimizerPanel';
import './schedule.css';

function sundayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return isoDate(new Date(y, m - 1, d - date.getDay()));
}

/** The coordinator's week: clinicians by day, what is still to book, conflicts, booking and the optimizer. */
export function ScheduleBoard() {
  const thisWeek = sundayOf(isoDate());
  const [week, setWeek] = useState(thisWeek);
  const [selected, setSelected] = useState<Visit | null>(null);
  const [board, reloadBoard, refreshBoard] = useLoad(() => api<Board>(`/scheduling/v1/board?week=${week}`), [week]);
  const [roster] = useLoad(async () => (await api<Page<RosterClinician>>('/scheduling/v1/clinicians?size=200')).items);
  const [patients] = useLoad(async () => {
    const page = await api<Page<Patient>>('/patients/v1/patients?size=200');
    return new Map(page.items.map((p) => [p.id, fullName(p)]));
  });
  useLive(() => refreshBoard(), isScheduleEvent);

  const clinicians = roster.state === 'ready' ? roster.data : [];
  const nameOf = (patientId: string) => (patients.state === 'ready' ? patients.data.get(patientId) : undefined) ?? 'Patient';
  const found = useMemo(
    () => (board.state === 'ready' ? conflicts(board.data.booked, clinicians) : new Map()),
    [board, clinicians],
  );

  return (
    <>
      <h1>Schedule board</h1>
      <div className="week-nav" role="group" aria-label="Week">
        <button type="button" onClick={() => setWeek(shiftWeek(week, -1))}>
          ← Previous week
        </button>
        <button type="button" onClick={() => setWeek(thisWeek)} disabled={week === thisWeek}>
          This week
        </button>
        <button type="button" onClick={() => setWeek(shiftWeek(week, 1))}>
          Next week →
        </button>
        <span>Week of {formatDate(week)}</span>
      </div>
      <Show loaded={board} what="the week's board" retry={reloadBoard}>
        {(b) => (
          <>
            <p role="status" className={found.size ? 'conflict-summary' : 'muted'}>
              {found.size === 0
                ? 'No conflicts this week.'
                : `⚠ ${found.size} visit${found.size === 1 ? ' has a conflict' : 's have conflicts'} this week.`}
            </p>
            <WeekTable board={b} clinicians={clinicians} conflicts={found} nameOf={nameOf} onSelect={setSelected} />
            <Section id="unassigned" title={`Still to book this week (${b.unassigned.length})`}>
              {b.unassigned.length === 0 ? (
                <p className="empty">Every visit this week has a clinician.</p>
              ) : (
                <ul className="list unassigned">
                  {b.unassigned.map((v) => (
                    <li key={v.id}>
                      {discipline(v.discipline)} for {nameOf(v.patientId)}, between {formatDate(v.earliest)} and{' '}
                      {formatDate(v.latest)}{' '}
                      <button type="button" onClick={() => setSelected(v)} aria-label={`Assign ${discipline(v.discipline)} visit of ${nameOf(v.patientId)}`}>
                        Assign
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </Show>
      {selected && (
        <BookingPanel
          visit={selected}
          patientName={nameOf(selected.patientId)}
          clinicians={clinicians}
          onClose={() => setSelected(null)}
          onBooked={() => {
            setSelected(null);
            refreshBoard();
          }}
        />
      )}
      <OptimizerPanel weekStart={week} onApplied={refreshBoard} />
    </>
  );
}

function WeekTable({
  board,
  clinicians,
  conflicts: found,
  nameOf,
  onSelect,
}: {
  board: Board;
  clinicians: RosterClinician[];
  conflicts: Map<string, { reason: string }[]>;
  nameOf: (patientId: string) => string;
  onSelect: (v: Visit) => void;
}) {
  const days = weekDays(board.weekStart);
  const rows = byClinicianAndDay(board.booked);
  const known = new Set(clinicians.map((c) => c.id));
  const people = [
    ...clinicians.filter((c) => c.active !== false),
    ...[...rows.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: 'Not on the roster', discipline: '' })),
  ];
  return (
    <div className="board-scroll">
      <table className="board">
        <caption>Booked visits by clinician and day</caption>
        <thead>
          <tr>
            <th scope="col">Clinician</th>
            {days.map((d) => (
              <th scope="col" key={d}>
                {new Date(d + 'T12:00:00').toLocaleDateString(undefined, { weekday: 'short', month: 'short', day: 'numeric' })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {people.map((c) => (
            <tr key={c.id} data-clinician={c.name}>
              <th scope="row">
                {c.name}
                {c.discipline && <span className="muted"> · {c.discipline.length <= 3 ? c.discipline : humanType(c.discipline)}</span>}
              </th>
              {days.map((d) => (
                <td key={d}>
                  {(rows.get(c.id)?.get(d) ?? []).map((v) => {
                    const problems = found.get(v.id) ?? [];
                    return (
                      <button
                        type="button"
                        key={v.id}
                        className={`chip${problems.length ? ' conflict' : ''}`}
                        onClick={() => onSelect(v)}
                        title={problems.map((p) => p.reason).join('; ') || undefined}
                      >
                        {formatTime(v.booking!.start)} {v.discipline} · {nameOf(v.patientId)}
                        {v.status !== 'SCHEDULED' && <span className="muted"> ({v.status.toLowerCase().replace('_', ' ')})</span>}
                        {problems.length > 0 && (
                          <span className="conflict-note">⚠ Conflict: {problems.map((p) => p.reason).join('; ')}</span>
                        )}
                      </button>
                    );
                  })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
