import { useId, useState, type FormEvent } from 'react';
import { post } from '../api';
import { Link } from '../shell/router';
import { formatDateTime } from '../shell/states';
import { humanType } from '../coordinator/dashboard';
import type { Alert } from '../types';
import { NOTE_MAX, resolutionBody } from './resolution';
import './alerts.css';

/** Alerts with what one can do about them: acknowledge an open one (stops its escalation), resolve with a note. */
export function AlertList({
  alerts,
  onChanged,
  patientNames,
}: {
  alerts: Alert[];
  onChanged: (message: string) => void;
  /** When given, each alert names its patient and links to the chart (the agency's inbox). */
  patientNames?: Record<string, string>;
}) {
  return (
    <ul className="alerts">
      {alerts.map((a) => (
        <AlertItem key={a.id} alert={a} onChanged={onChanged} patientName={patientNames ? (patientNames[a.patientId] ?? 'Patient') : undefined} />
      ))}
    </ul>
  );
}

function AlertItem({ alert, onChanged, patientName }: { alert: Alert; onChanged: (message: string) => void; patientName?: string }) {
  const noteId = useId();
  const versionId = useId();
  const [resolving, setResolving] = useState(false);
  const [note, setNote] = useState('');
  const [planVersion, setPlanVersion] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const base = `/patients/v1/patients/${encodeURIComponent(alert.patientId)}/alerts/${encodeURIComponent(alert.id)}`;
  const what = `${humanType(alert.severity)} alert ${alert.finding}`;

  const act = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setErrors([]);
    try {
      await call();
      setResolving(false);
      onChanged(done);
    } catch (e) {
      setErrors([e instanceof Error ? e.message : 'That did not work. Please try again.']);
    } finally {
      setBusy(false);
    }
  };
  const resolve = (event: FormEvent) => {
    event.preventDefault();
    const checked = resolutionBody(note, planVersion);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    void act(() => post(`${base}/resolution`, checked.body), `The alert "${alert.finding}" is resolved.`);
  };

  return (
    <li className="alert-item">
      <p>
        <span className={`badge ${alert.severity.toLowerCase()}`}>{humanType(alert.severity)}</span> {alert.finding}
        {patientName && (
          <>
            {' '}
            · <Link to={`/patients/${alert.patientId}`}>{patientName}</Link>
          </>
        )}
        <br />
        <span className="meta">
          {humanType(alert.status)} · raised {formatDateTime(alert.raisedAt)}
        </span>
      </p>
      {alert.status !== 'RESOLVED' && (
        <div className="alert-actions">
          {alert.status === 'OPEN' && (
            <button
              type="button"
              disabled={busy}
              aria-label={`Acknowledge ${what}`}
              onClick={() => act(() => post(`${base}/acknowledgement`), `The alert "${alert.finding}" is acknowledged.`)}
            >
              Acknowledge
            </button>
          )}
          {!resolving && (
            <button type="button" className="secondary" disabled={busy} aria-label={`Resolve ${what}`} onClick={() => setResolving(true)}>
              Resolve
            </button>
          )}
        </div>
      )}
      {resolving && (
        <form className="resolve" onSubmit={resolve} aria-label={`Resolve ${what}`} noValidate>
          <label htmlFor={noteId}>What was done (required)</label>
          <textarea id={noteId} rows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />
          <label htmlFor={versionId}>Plan version that answers it (optional)</label>
          <input id={versionId} type="number" min={1} step={1} inputMode="numeric" value={planVersion} onChange={(e) => setPlanVersion(e.target.value)} />
          <div className="alert-actions">
            <button type="submit" disabled={busy}>
              Resolve alert
            </button>
            <button type="button" className="secondary" onClick={() => { setResolving(false); setErrors([]); }}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {errors.length > 0 && (
        <div role="alert" className="error">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
    </li>
  );
}
