import { useId, useRef, useState } from 'react';
import { ApiError, api, post, type Session } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { decisionLine, huddleProblems, huddleRequest, huddlesOf, type Huddle, type NewHuddle } from './huddles';
import '../careplan/editor.css';

interface TeamMember {
  subject: string;
  displayName: string;
  role: string;
}

/** Huddles on one patient: call one with an agenda and attendees from the care team, record decisions on a plan version. */
export function Huddles({ patientId, session }: { patientId: string; session: Session }) {
  const id = encodeURIComponent(patientId);
  const [loaded, reload, refresh] = useLoad(async () => {
    const [patient, team, versions, huddles] = await Promise.all([
      api<Patient>(`/patients/v1/patients/${id}`),
      api<{ members: TeamMember[] }>(`/patients/v1/patients/${id}/care-team`),
      api<{ number: number; status: string }[]>(`/patients/v1/patients/${id}/care-plan/versions`),
      huddlesOf(patientId),
    ]);
    return { patient, team: team.members, versions, huddles };
  }, [id]);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to={`/patients/${id}`}>← Back to the chart</Link>
      </p>
      <Show loaded={loaded} what="the huddles" retry={reload}>
        {({ patient, team, versions, huddles }) => {
          const names: Record<string, string> = Object.fromEntries(team.map((m) => [m.subject, m.displayName]));
          names[session.subject] = `${session.name} (you)`;
          return (
            <div className="care-page">
              <h1>Huddles: {fullName(patient)}</h1>
              {message && (
                <p role="status" className="notice">
                  {message}
                </p>
              )}
              <CallHuddle
                patientId={patientId}
                team={team.filter((m) => m.subject !== session.subject)}
                onCalled={(m) => {
                  setMessage(m);
                  refresh();
                }}
              />
              <Section id="huddle-list" title="Huddles on this patient">
                {huddles.length === 0 ? (
                  <p className="empty">No huddle yet.</p>
                ) : (
                  huddles.map((h) => (
                    <HuddleCard
                      key={h.id}
                      huddle={h}
                      names={names}
                      versions={versions}
                      onDecided={(m) => {
                        setMessage(m);
                        refresh();
                      }}
                    />
                  ))
                )}
              </Section>
            </div>
          );
        }}
      </Show>
    </>
  );
}

function CallHuddle({ patientId, team, onCalled }: { patientId: string; team: TeamMember[]; onCalled: (message: string) => void }) {
  const id = useId();
  const empty: NewHuddle = { agenda: '', meetsAt: '', attendees: [] };
  const [form, setForm] = useState<NewHuddle>(empty);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const call = async () => {
    const found = huddleProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    key.current ??= crypto.randomUUID(); // a retry after a lost answer opens no second huddle
    try {
      await api('/messaging/v1/threads', { method: 'POST', headers: { 'Idempotency-Key': key.current }, body: JSON.stringify(huddleRequest(patientId, form)) });
      key.current = null;
      setForm(empty);
      onCalled(`The huddle "${form.agenda.trim()}" is called with ${form.attendees.length} colleague${form.attendees.length === 1 ? '' : 's'}.`);
    } catch (e) {
      setProblems([e instanceof ApiError ? e.message : 'The huddle could not be called.']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section id="huddle-new" title="Call a huddle">
      <div className="lines-field">
        <label htmlFor={`${id}-agenda`}>Agenda</label>
        <textarea id={`${id}-agenda`} rows={3} value={form.agenda} onChange={(e) => setForm({ ...form, agenda: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-when`}>Meets at (optional, your time)</label>
        <input id={`${id}-when`} type="datetime-local" value={form.meetsAt} onChange={(e) => setForm({ ...form, meetsAt: e.target.value })} />
      </div>
      <fieldset className="scopes">
        <legend>Attendees from the care team</legend>
        {team.length === 0 && <p className="empty">Nobody else is on the care team.</p>}
        {team.map((m) => (
          <label key={m.subject}>
            <input
              type="checkbox"
              checked={form.attendees.includes(m.subject)}
              onChange={(e) =>
                setForm({ ...form, attendees: e.target.checked ? [...form.attendees, m.subject] : form.attendees.filter((a) => a !== m.subject) })
              }
            />{' '}
            {m.displayName}
          </label>
        ))}
      </fieldset>
      <div className="editor-actions">
        <button type="button" onClick={call} disabled={busy}>
          Call the huddle
        </button>
      </div>
      {problems.length > 0 && (
        <div role="alert" className="error">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </Section>
  );
}

function HuddleCard({
  huddle,
  names,
  versions,
  onDecided,
}: {
  huddle: Huddle;
  names: Record<string, string>;
  versions: { number: number; status: string }[];
  onDecided: (message: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [version, setVersion] = useState(String(versions[0]?.number ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async () => {
    if (!text.trim()) {
      setError('Write the decision first.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await post(`/messaging/v1/threads/${encodeURIComponent(huddle.id)}/decisions`, { text: text.trim(), carePlanVersion: version ? Number(version) : null });
      setText('');
      onDecided(`Decision recorded${version ? ` and linked to plan version ${version}` : ''}.`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The decision could not be recorded.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="huddle" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{huddle.huddle.agenda}</h3>
      <p>
        {huddle.huddle.meetsAt ? `Meets ${formatDateTime(huddle.huddle.meetsAt)}` : `Called ${formatDateTime(huddle.createdAt)}`} · Attendees:{' '}
        {huddle.participants.map((p) => names[p] ?? 'a colleague').join(', ')}
      </p>
      <h4>Decisions</h4>
      {huddle.huddle.decisions.length === 0 ? (
        <p className="empty">No decision yet.</p>
      ) : (
        <ul className="decisions">
          {huddle.huddle.decisions.map((d) => (
            <li key={d.id}>
              {decisionLine(d)} — {names[d.recordedBy] ?? 'a colleague'}, {formatDateTime(d.recordedAt)}
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <div className="lines-field">
          <label htmlFor={`${id}-decision`}>Decision</label>
          <textarea id={`${id}-decision`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-version`}>Linked plan version</label>
          <select id={`${id}-version`} value={version} onChange={(e) => setVersion(e.target.value)}>
            <option value="">None</option>
            {versions.map((v) => (
              <option key={v.number} value={v.number}>
                Version {v.number} ({v.status.toLowerCase()})
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={decide} disabled={busy}>
          Record the decision
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </article>
  );
}
