import { useMemo, useRef, useState } from 'react';
import { allPages, api, isoDate } from '../api';
import { Empty, Section, Show, formatDate, useLoad } from '../shell/states';
import { isScheduleEvent, useLive } from '../shell/live';
import { discipline, type Board, type Visit } from '../types';
import { patientNames } from '../patients/names';
import { byClinicianAndDay, clinicianDiscipline, conflicts, shiftWeek, sundayOf, weekDays, type Conflict, type RosterClinician } from './board';
import { BookingPanel } from './BookingPanel';
import { OptimizerPanel } from './OptimizerPanel';
import { loadBlockers, orderText, sentence, type Blocker, type OrderedVisit } from './slots';
import { browserZone, dayIn, timeIn, todayIn, zoneLabel, zoneName } from './zone';
import './schedule.css';

/** The coordinator's week: clinicians by day, what is still to book, conflicts, booking and the optimizer. */
export function ScheduleBoard() {
  const thisWeek = sundayOf(isoDate());
  const [week, setWeek] = useState(thisWeek);
  const [selected, setSelected] = useState<Visit | null>(null);
  // focus goes back where the coordinator was when the panel closes (keyboard use)
  const opener = useRef<HTMLElement | null>(null);
  const open = (v: Visit) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setSelected(v);
  };
  const close = () => {
    setSelected(null);
    opener.current?.focus();
  };
  // after a booking the row is gone: say what was booked and put the keyboard focus on that sentence
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  // the board and the whole roster together: without the roster the board cannot say who is who or what conflicts
  const [loaded, reloadBoard, refreshBoard] = useLoad(async () => {
    const [board, clinicians] = await Promise.all([
      api<Board>(`/scheduling/v1/board?week=${week}`),
      allPages<RosterClinician>('/scheduling/v1/clinicians', { what: 'clinicians on the roster' }),
    ]);
    return { board, clinicians };
  }, [week]);
  const [patients] = useLoad(patientNames);
  // what blocks each unassigned visit, in the booking rules' words: loaded beside the board, which stays usable if it fails
  const [blocked, , refreshBlockers] = useLoad(() => loadBlockers(week), [week]);
  const booked = (v: Visit) => {
    setSelected(null);
    refreshBoard();
    refreshBlockers();
    const who = clinicians.find((c) => c.id === v.booking?.clinicianId)?.name;
    setNotice(
      v.booking && !Number.isNaN(Date.parse(v.booking.start))
        ? `Booked: the ${discipline(v.discipline)} visit of ${nameOf(v.patientId)}${who ? ` with ${who}` : ''} on ${formatDate(dayIn(v.booking.start, zone))} at ${timeIn(v.booking.start, zone)}${v.type === 'TELEHEALTH' ? ', by video' : ''}.`
        : 'Booked.',
    );
    setTimeout(() => noticeRef.current?.focus(), 0);
  };
  useLive(() => {
    refreshBoard();
    refreshBlockers();
  }, isScheduleEvent);
  const zone = (loaded.state === 'ready' && loaded.data.board.zone) || browserZone();
  const blockersOf = (visitId: string): Blocker[] | undefined =>
    blocked.state === 'ready' ? (blocked.data.visits?.[visitId] ?? []) : undefined;

  const clinicians = loaded.state === 'ready' ? loaded.data.clinicians : [];
  const nameOf = (patientId: string) => (patients.state === 'ready' ? patients.data.get(patientId) : undefined) ?? 'Patient';
  const visits = useMemo(() => {
    if (loaded.state !== 'ready') return new Map<string, Visit>();
    const { booked, unassigned } = loaded.data.board;
    return new Map([...Object.values(booked).flat(), ...unassigned].map((v) => [v.id, v]));
  }, [loaded]);
  const visitOf = (visitId: string) => visits.get(visitId);
  const found = useMemo(
    () =>
      loaded.state === 'ready'
        ? conflicts(loaded.data.board.booked, loaded.data.clinicians, loaded.data.board.unassigned, todayIn(zone), zone)
        : new Map<string, Conflict[]>(),
    [loaded, zone],
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
      <p role="status" className="booked-notice" tabIndex={-1} ref={noticeRef}>
        {notice}
      </p>
      <Show loaded={loaded} what="the week's board" retry={reloadBoard}>
        {({ board: b }) => (
          <>
            <p role="status" className={found.size ? 'conflict-summary' : 'muted'}>
              {found.size === 0
                ? 'No conflicts this week.'
                : `⚠ ${found.size} visit${found.size === 1 ? ' has a conflict' : 's have conflicts'} this week.`}
            </p>
            {patients.state === 'error' && <p className="muted">Patient names could not be loaded: {patients.message}</p>}
            {Object.values(b.booked).every((day) => day.length === 0) && <Empty>No visit is booked this week.</Empty>}
            <WeekTable board={b} clinicians={clinicians} conflicts={found} nameOf={nameOf} onSelect={open} zone={zone} />
            <Section id="unassigned" title={`Unassigned: still to book this week (${b.unassigned.length})`}>
              {b.unassigned.length === 0 ? (
                <Empty>Every visit this week has a clinician.</Empty>
              ) : (
                <ul className="list unassigned">
                  {b.unassigned.map((v) => {
                    const problems = found.get(v.id) ?? [];
                    const blockers = blockersOf(v.id);
                    const all = [...Object.values(b.booked).flat(), ...b.unassigned] as OrderedVisit[];
                    const order = orderText(v as OrderedVisit, all, formatDate);
                    return (
                      <li key={v.id} className="unassigned-visit">
                        <p>
                          <strong>
                            {discipline(v.discipline)} for {nameOf(v.patientId)}
                          </strong>
                          {v.type === 'TELEHEALTH' && ' (telehealth)'}, {order}{' '}
                          <button
                            type="button"
                            onClick={() => open(v)}
                            aria-expanded={selected?.id === v.id}
                            aria-label={`Assign ${discipline(v.discipline)} visit of ${nameOf(v.patientId)}, ${formatDate(v.earliest)} to ${formatDate(v.latest)}, ${order}`}
                          >
                            Assign
                          </button>
                        </p>
                        {blockers && blockers.length > 0 && (
                          <p className="blocked">
                            <span aria-hidden="true">⛔ </span>Blocked: {blockers.map((x) => sentence(x.message)).join(' ')}
                          </p>
                        )}
                        {blockers && blockers.length === 0 && <p className="muted">Bookable: free time exists in its window.</p>}
                        {problems.length > 0 && <ConflictNote problems={problems} />}
                        {selected?.id === v.id && !selected.booking && (
                          <BookingPanel
                            visit={selected}
                            patientName={nameOf(selected.patientId)}
                            clinicians={clinicians}
                            zone={zone}
                            onClose={close}
                            onBooked={booked}
                          />
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </Section>
          </>
        )}
      </Show>
      {selected && (selected.booking || !(loaded.state === 'ready' && loaded.data.board.unassigned.some((v) => v.id === selected.id))) && (
        <BookingPanel
          visit={selected}
          patientName={nameOf(selected.patientId)}
          clinicians={clinicians}
          zone={zone}
          onClose={close}
          onBooked={booked}
        />
      )}
      <OptimizerPanel
        weekStart={week}
        nameOf={nameOf}
        visitOf={visitOf}
        onApplied={refreshBoard}
        patients={patients.state === 'ready' ? [...patients.data].map(([id, name]) => ({ id, name })) : []}
        clinicians={clinicians}
      />
    </>
  );
}

function WeekTable({
  board,
  clinicians,
  conflicts: found,
  nameOf,
  onSelect,
  zone,
}: {
  zone: string;
  board: Board;
  clinicians: RosterClinician[];
  conflicts: Map<string, Conflict[]>;
  nameOf: (patientId: string) => string;
  onSelect: (v: Visit) => void;
}) {
  const days = weekDays(board.weekStart);
  const rows = byClinicianAndDay(board.booked, zone);
  const known = new Set(clinicians.map((c) => c.id));
  const people = [
    ...clinicians.filter((c) => c.active !== false),
    // inactive clinicians and unknown ones only when they have visits this week
    ...clinicians.filter((c) => c.active === false && rows.has(c.id)),
    ...[...rows.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: 'Not on the roster', discipline: '' })),
  ];
  return (
    <div className="board-scroll">
      <p className="muted">
        Times are {zoneName(zone)} ({zoneLabel(zone)}), the agency&apos;s time zone.
      </p>
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
                {c.discipline && <span className="muted"> · {clinicianDiscipline(c.discipline)}</span>}
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
                        data-patient={v.patientId}
                        data-start={v.booking!.start}
                        data-end={v.booking!.end}
                      >
                        {timeIn(v.booking!.start, zone)} {v.discipline} · {nameOf(v.patientId)}
                        {v.type === 'TELEHEALTH' && ' · video'}
                        {v.status !== 'SCHEDULED' && <span className="muted"> ({v.status.toLowerCase().replace('_', ' ')})</span>}
                        {problems.length > 0 && <ConflictNote problems={problems} />}
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

/** A conflict in words with a warning sign, not by colour alone. */
function ConflictNote({ problems }: { problems: Conflict[] }) {
  return (
    <span className="conflict-note">
      <span aria-hidden="true">⚠ </span>Conflict: {problems.map((p) => p.reason).join('; ')}
    </span>
  );
}
