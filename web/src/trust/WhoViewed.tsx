import { useId, useRef, useState } from 'react';
import { ApiError, api } from '../api';
import { Link } from '../shell/router';
import { Show, formatDateTime, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { kindWords, newestFirst, roleWords, type RecordAccess, type RecordAccesses } from './accessLog';
import './trust.css';

/**
 * The point of contact's page "Who viewed Jane's record": each access of the last 30 days with the person's role and
 * name, their organisation, when, and what kind of data; and for each, a question to the privacy officer.
 */
export function WhoViewed({ patientId }: { patientId: string }) {
  const id = encodeURIComponent(patientId);
  const [patient] = useLoad(() => api<Patient>(`/patients/v1/patients/${id}`), [id]);
  const [log, reload] = useLoad(() => api<RecordAccesses>(`/audit/v1/patients/${id}/record-accesses`), [id]);
  const name = patient.state === 'ready' ? fullName(patient.data) : 'the patient';
  const first = patient.state === 'ready' ? patient.data.givenName : 'the patient';
  return (
    <>
      <p>
        <Link to="/family">← Family portal</Link>
      </p>
      <h1>Who viewed {first}&apos;s record</h1>
      <p className="lead">Everyone who opened {name}&apos;s record in the last 30 days, newest first.</p>
      <Show
        loaded={log}
        what="the record's access log"
        retry={reload}
        isEmpty={(l) => l.total === 0}
        empty="Nobody opened the record in the last 30 days."
      >
        {(l) => <AccessTable patientId={patientId} accesses={newestFirst(l)} truncated={l.truncated} />}
      </Show>
    </>
  );
}

function AccessTable({ patientId, accesses, truncated }: { patientId: string; accesses: RecordAccess[]; truncated: boolean }) {
  const [asking, setAsking] = useState<number | null>(null);
  return (
    <>
      {truncated && <p className="hint">Only the most recent accesses are listed.</p>}
      <table className="accesses">
        <caption className="visually-hidden">Accesses to the record</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Role</th>
            <th scope="col">Organisation</th>
            <th scope="col">What</th>
            <th scope="col">
              <span className="visually-hidden">Question</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {accesses.map((a, i) => (
            <tr key={`${a.at}-${i}`}>
              <td>{formatDateTime(a.at)}</td>
              <td>{a.who}</td>
              <td>{roleWords(a.role)}</td>
              <td>{a.organization ?? '—'}</td>
              <td>
                {a.action ? `${a.action} ` : ''}
                {kindWords(a.kind)}
              </td>
              <td>
                {asking === i ? (
                  <AskAboutAccess patientId={patientId} access={a} onDone={() => setAsking(null)} />
                ) : (
                  <button type="button" className="secondary" onClick={() => setAsking(i)}>
                    Ask about this access
                    <span className="visually-hidden">
                      {' '}
                      by {a.who} on {formatDateTime(a.at)}
                    </span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A question to the privacy officer about one access; a retry of the same question is not sent twice. */
export function AskAboutAccess({ patientId, access, onDone }: { patientId: string; access: RecordAccess; onDone: () => void }) {
  const id = useId();
  const [question, setQuestion] = useState('');
  const [state, setState] = useState<{ sent: boolean; problem: string | null; busy: boolean }>({ sent: false, problem: null, busy: false });
  const key = useRef<string | null>(null);
  if (state.sent) {
    return (
      <p role="status" className="notice">
        Your question was sent to the privacy officer, who will contact you.{' '}
        <button type="button" className="secondary" onClick={onDone}>
          Close
        </button>
      </p>
    );
  }
  const send = async () => {
    if (!question.trim()) {
      setState({ ...state, problem: 'Write your question first.' });
      return;
    }
    setState({ ...state, busy: true, problem: null });
    key.current ??= crypto.randomUUID();
    try {
      await api(`/patients/v1/patients/${encodeURIComponent(patientId)}/access-questions`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key.current },
        body: JSON.stringify({
          question: question.trim(),
          access: { at: access.at, who: access.who, role: access.role, organization: access.organization, kind: access.kind },
        }),
      });
      setState({ sent: true, problem: null, busy: false });
    } catch (e) {
      setState({ sent: false, busy: false, problem: e instanceof ApiError ? e.message : 'The question could not be sent.' });
    }
  };
  return (
    <div className="ask" role="group" aria-label={`Question about the access by ${access.who}`}>
      <label htmlFor={`${id}-q`}>Your question to the privacy officer</label>
      <textarea id={`${id}-q`} rows={3} maxLength={2000} value={question} onChange={(e) => setQuestion(e.target.value)} />
      <div>
        <button type="button" onClick={send} disabled={state.busy}>
          Send the question
        </button>{' '}
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {state.problem && (
        <p role="alert" className="error">
          {state.problem}
        </p>
      )}
    </div>
  );
}
