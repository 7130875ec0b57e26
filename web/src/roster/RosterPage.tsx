import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, allPages, api, isoDate, type Page } from '../api';
import { Pager } from '../shell/Pager';
import { Section, Show, formatDate, useLoad } from '../shell/states';
import { clinicianDiscipline } from '../schedule/board';
import {
  WEEKDAYS,
  certificationStatus,
  certificationWarnings,
  hoursText,
  loadClinician,
  problems,
  saveClinician,
  upcomingTimeOff,
  type Clinician,
  type Weekday,
} from './roster';
import './roster.css';

const dayName = (d: string) => d.charAt(0) + d.slice(1).toLowerCase();

const PAGE_SIZE = 50;
/** The roster's disciplines (scheduling-service's Clinician.Discipline), which the list filters by. */
const DISCIPLINES = ['RN', 'LPN', 'PT', 'OT', 'ST', 'DIETITIAN', 'SOCIAL_WORKER', 'AIDE'];

/**
 * The agency's clinicians for coordinators and admins: disciplines, skills, certifications with expiry warnings
 * (expired, or within 30 days, in words), working hours and time off; each clinician edited in place and saved with
 * the version read (If-Match), so a change made meanwhile by someone else is refused, not overwritten.
 */
export function RosterPage() {
  const [only, setOnly] = useState('');
  const [pageNumber, setPageNumber] = useState(0);
  const filterId = useId();
  // the table a page at a time (one discipline by the server); the certification count over the whole roster
  const [roster, reload, refreshPage] = useLoad(
    () => api<Page<Clinician>>(`/scheduling/v1/clinicians?${only ? `discipline=${only}&` : ''}page=${pageNumber}&size=${PAGE_SIZE}`),
    [only, pageNumber],
    { keep: true },
  );
  const [everyone, , refreshEveryone] = useLoad(() => allPages<Clinician>('/scheduling/v1/clinicians', { what: 'clinicians on the roster' }));
  const refresh = () => {
    refreshPage();
    refreshEveryone();
  };
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const today = isoDate();
  const attention = everyone.state === 'ready' ? everyone.data.reduce((n, c) => n + certificationWarnings(c, today), 0) : 0;
  return (
    <>
      <h1>Roster</h1>
      <p className="muted">Working hours are in the agency&apos;s time zone. Certifications that expire within 30 days are flagged.</p>
      {saved && (
        <p role="status" className="saved">
          {saved}
        </p>
      )}
      {everyone.state === 'error' ? (
        <p role="alert" className="cert-warning">
          The certifications of the whole roster could not be checked: {everyone.message}
        </p>
      ) : (
        <p role="status" className={attention ? 'cert-warning' : 'muted'}>
          {everyone.state === 'loading'
            ? 'Checking the certifications of the whole roster…'
            : attention === 0
              ? 'Every certification is valid for at least 30 more days.'
              : `⚠ ${attention} certification${attention === 1 ? ' needs' : 's need'} attention (expired or expiring within 30 days).`}
        </p>
      )}
      <div className="search">
        <label htmlFor={filterId}>Discipline</label>
        <select
          id={filterId}
          value={only}
          onChange={(e) => {
            setOnly(e.target.value);
            setPageNumber(0);
          }}
        >
          <option value="">All disciplines</option>
          {DISCIPLINES.map((d) => (
            <option key={d} value={d}>
              {clinicianDiscipline(d)}
            </option>
          ))}
        </select>
      </div>
      <Show loaded={roster} what="the roster" retry={reload} isEmpty={(p) => p.totalItems === 0} empty={only ? 'Nobody of this discipline is on the roster.' : 'Nobody is on the roster yet.'}>
        {(page) => {
          return (
            <>
              <div className="board-scroll">
                <table className="roster">
                  <caption>Clinicians on the roster</caption>
                  <thead>
                    <tr>
                      <th scope="col">Clinician</th>
                      <th scope="col">Discipline</th>
                      <th scope="col">Skills</th>
                      <th scope="col">Certifications</th>
                      <th scope="col">Working hours</th>
                      <th scope="col">Time off</th>
                      <th scope="col">Visits a day</th>
                      <th scope="col">Change</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((c) => (
                      <tr key={c.id} data-clinician={c.name}>
                        <th scope="row">
                          {c.name}
                          {!c.active && <span className="muted"> (inactive)</span>}
                        </th>
                        <td>{clinicianDiscipline(c.discipline)}</td>
                        <td>{c.skills.length ? [...c.skills].sort().join(', ') : '—'}</td>
                        <td>
                          <Certifications clinician={c} today={today} />
                        </td>
                        <td>{hoursText(c.hours)}</td>
                        <td>
                          {upcomingTimeOff(c.timeOff, today).length === 0
                            ? 'none planned'
                            : upcomingTimeOff(c.timeOff, today).map((t) => (
                                <span key={t.from} className="time-off">
                                  {t.from === t.to ? formatDate(t.from) : `${formatDate(t.from)} – ${formatDate(t.to)}`}
                                </span>
                              ))}
                        </td>
                        <td>{c.maxVisitsPerDay}</td>
                        <td>
                          <button type="button" onClick={() => setEditing(c.id)} aria-expanded={editing === c.id} aria-label={`Edit ${c.name}`}>
                            Edit
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} noun="clinicians" label="Pages of the roster" onPage={setPageNumber} />
            </>
          );
        }}
      </Show>
      {editing && (
        <ClinicianEditor
          key={editing}
          clinicianId={editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => {
            setEditing(null);
            setSaved(`Saved the changes to ${c.name}.`);
            refresh();
          }}
        />
      )}
    </>
  );
}

function Certifications({ clinician, today }: { clinician: Clinician; today: string }) {
  if (clinician.certifications.length === 0) return <>—</>;
  return (
    <ul className="plain">
      {clinician.certifications.map((x) => {
        const status = certificationStatus(x, today);
        return (
          <li key={x.name + x.expiresOn} className={`cert ${status.state}`}>
            {x.name}, until {formatDate(x.expiresOn)}
            {status.state !== 'valid' && (
              <strong className="cert-flag">
                {' '}
                <span aria-hidden="true">⚠ </span>
                {status.words}
              </strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ClinicianEditor({ clinicianId, onClose, onSaved }: { clinicianId: string; onClose: () => void; onSaved: (c: Clinician) => void }) {
  const [loaded, reload] = useLoad(() => loadClinician(clinicianId), [clinicianId]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [clinicianId, loaded.state]);
  const name = loaded.state === 'ready' ? loaded.data.clinician.name : 'the clinician';
  return (
    <section className="card roster-editor" aria-labelledby="roster-editor-title">
      <h2 id="roster-editor-title" tabIndex={-1} ref={heading}>
        Edit {name}
      </h2>
      <Show loaded={loaded} what="the clinician" retry={reload}>
        {({ clinician, etag }) => <EditorForm key={etag} initial={clinician} etag={etag} onClose={onClose} onSaved={onSaved} onStale={reload} />}
      </Show>
    </section>
  );
}

function EditorForm({
  initial,
  etag,
  onClose,
  onSaved,
  onStale,
}: {
  initial: Clinician;
  etag: string;
  onClose: () => void;
  onSaved: (c: Clinician) => void;
  onStale: () => void;
}) {
  const [c, setC] = useState<Clinician>(initial);
  const [skills, setSkills] = useState(initial.skills.join(', '));
  const [certName, setCertName] = useState('');
  const [certExpires, setCertExpires] = useState('');
  const [offFrom, setOffFrom] = useState('');
  const [offTo, setOffTo] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = isoDate();

  const update = (patch: Partial<Clinician>) => setC((old) => ({ ...old, ...patch }));
  const setHours = (day: Weekday, change: { works?: boolean; start?: string; end?: string }) => {
    const existing = c.hours.find((h) => h.day === day);
    if (change.works === false) return update({ hours: c.hours.filter((h) => h.day !== day) });
    const next = { day, start: change.start ?? existing?.start ?? '08:00', end: change.end ?? existing?.end ?? '17:00' };
    update({ hours: [...c.hours.filter((h) => h.day !== day), next] });
  };
  const addCertification = () => {
    if (!certName.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(certExpires)) {
      setMessage('Give the certification a name and an expiry date.');
      return;
    }
    setMessage(null);
    update({ certifications: [...c.certifications, { name: certName.trim(), expiresOn: certExpires }] });
    setCertName('');
    setCertExpires('');
  };
  const addTimeOff = () => {
    const to = offTo || offFrom;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(offFrom) || to < offFrom) {
      setMessage('Give the first day off, and a last day that is not before it.');
      return;
    }
    setMessage(null);
    update({ timeOff: [...c.timeOff, { from: offFrom, to }] });
    setOffFrom('');
    setOffTo('');
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const edited = { ...c, skills: skills.split(',').map((s) => s.trim()).filter(Boolean) };
    const wrong = problems(edited);
    if (wrong.length) {
      setMessage(wrong.join(' '));
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      onSaved(await saveClinician(edited, etag));
    } catch (error) {
      const sentence = error instanceof Error ? error.message : 'The changes could not be saved.';
      if (error instanceof ApiError && error.status === 412) {
        setMessage(`${sentence} The clinician has been read again; make your change again.`);
        onStale();
      } else setMessage(sentence);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} className="roster-form" noValidate onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <Section id="roster-certifications" title="Certifications">
        {c.certifications.length === 0 ? (
          <p className="muted">No certification recorded.</p>
        ) : (
          <ul className="plain">
            {c.certifications.map((x, i) => {
              const status = certificationStatus(x, today);
              return (
                <li key={x.name + x.expiresOn + i}>
                  {x.name}, until {formatDate(x.expiresOn)}
                  {status.state !== 'valid' && <strong className="cert-flag"> ⚠ {status.words}</strong>}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => update({ certifications: c.certifications.filter((_, j) => j !== i) })}
                    aria-label={`Remove certification ${x.name}`}
                  >
                    Remove
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <div className="add-row">
          <label>
            Certification name
            <input value={certName} onChange={(e) => setCertName(e.target.value)} maxLength={100} />
          </label>
          <label>
            Expires on
            <input type="date" value={certExpires} onChange={(e) => setCertExpires(e.target.value)} />
          </label>
          <button type="button" onClick={addCertification}>
            Add certification
          </button>
        </div>
      </Section>
      <Section id="roster-time-off" title="Time off">
        {c.timeOff.length === 0 ? (
          <p className="muted">No time off recorded.</p>
        ) : (
          <ul className="plain">
            {[...c.timeOff]
              .sort((a, b) => a.from.localeCompare(b.from))
              .map((t) => (
                <li key={t.from + t.to}>
                  {t.from === t.to ? formatDate(t.from) : `${formatDate(t.from)} – ${formatDate(t.to)}`}
                  {t.to < today && <span className="muted"> (past)</span>}{' '}
                  <button
                    type="button"
                    className="link"
                    onClick={() => update({ timeOff: c.timeOff.filter((o) => o !== t) })}
                    aria-label={`Remove time off ${t.from} to ${t.to}`}
                  >
                    Remove
                  </button>
                </li>
              ))}
          </ul>
        )}
        <div className="add-row">
          <label>
            First day off
            <input type="date" value={offFrom} onChange={(e) => setOffFrom(e.target.value)} />
          </label>
          <label>
            Last day off
            <input type="date" value={offTo} min={offFrom || undefined} onChange={(e) => setOffTo(e.target.value)} />
          </label>
          <button type="button" onClick={addTimeOff}>
            Add time off
          </button>
        </div>
      </Section>
      <fieldset className="hours">
        <legend>Working hours (agency time)</legend>
        {WEEKDAYS.map((day) => {
          const h = c.hours.find((x) => x.day === day);
          return (
            <div key={day} className="hours-row">
              <label className="inline">
                <input type="checkbox" checked={!!h} onChange={(e) => setHours(day, { works: e.target.checked })} /> Works on {dayName(day)}
              </label>
              {h && (
                <>
                  <label>
                    {dayName(day)} from
                    <input type="time" value={h.start.slice(0, 5)} onChange={(e) => setHours(day, { start: e.target.value })} />
                  </label>
                  <label>
                    {dayName(day)} until
                    <input type="time" value={h.end.slice(0, 5)} onChange={(e) => setHours(day, { end: e.target.value })} />
                  </label>
                </>
              )}
            </div>
          );
        })}
      </fieldset>
      <div className="add-row">
        <label>
          Skills (comma-separated codes)
          <input value={skills} onChange={(e) => setSkills(e.target.value)} />
        </label>
        <label>
          Most visits a day
          <input type="number" min={1} max={12} value={c.maxVisitsPerDay} onChange={(e) => update({ maxVisitsPerDay: Number(e.target.value) })} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={c.active} onChange={(e) => update({ active: e.target.checked })} /> Active (takes visits)
        </label>
      </div>
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
      <div className="add-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="link" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
