import { useId, useState } from 'react';
import { ApiError, api, post } from '../api';
import { Show, formatDateTime, useLoad } from '../shell/states';
import { grantState, type BreakGlassGrant } from './breakGlass';
import { AccessQuestions } from './AccessQuestions';
import './trust.css';

/**
 * The privacy officer's review queue: every record opened in an emergency that nobody has reviewed yet, with who, for
 * which patient, why and until when. Reviewing takes a note; revoking ends the access at once (the clinician's next
 * page is refused).
 */
export function BreakGlassReview() {
  const [all, setAll] = useState(false);
  const [grants, reload] = useLoad(() => api<BreakGlassGrant[]>(`/patients/v1/break-glass${all ? '?status=all' : ''}`), [all]);
  return (
    <>
      <h1>Break-glass review</h1>
      <p className="lead">Records opened in an emergency by clinicians outside the patient&apos;s care team.</p>
      <label className="check">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Show reviewed ones too
      </label>
      <Show
        loaded={grants}
        what="the review queue"
        retry={reload}
        isEmpty={(list) => list.length === 0}
        empty="Nothing to review: no record was opened in an emergency since the last review."
      >
        {(list) => (
          <ul className="grants" aria-label="Emergency accesses">
            {list.map((g) => (
              <GrantItem key={g.id} grant={g} onChanged={reload} />
            ))}
          </ul>
        )}
      </Show>
      <AccessQuestions />
    </>
  );
}

function GrantItem({ grant, onChanged }: { grant: BreakGlassGrant; onChanged: () => void }) {
  const id = useId();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (what: 'review' | 'revoke') => {
    if (what === 'review' && !note.trim()) {
      setProblem('Write a note about what you found before marking the access reviewed.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await post(`/patients/v1/break-glass/${encodeURIComponent(grant.id)}/${what}`, what === 'review' ? { note: note.trim() } : undefined);
      onChanged();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Please try again.');
    } finally {
      setBusy(false);
    }
  };
  const who = grant.clinicianName ?? grant.clinician;
  const patient = grant.patientName ?? grant.patientId;
  return (
    <li className="card grant" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {who} opened {patient}&apos;s record
      </h2>
      <dl className="facts">
        <dt>State</dt>
        <dd>{grantState(grant)}</dd>
        <dt>Opened</dt>
        <dd>{formatDateTime(grant.openedAt)}</dd>
        <dt>Until</dt>
        <dd>{formatDateTime(grant.revokedAt ?? grant.expiresAt)}</dd>
        <dt>Reason given</dt>
        <dd>{grant.reason}</dd>
        {grant.reviewedAt && (
          <>
            <dt>Reviewed</dt>
            <dd>
              {formatDateTime(grant.reviewedAt)}: {grant.reviewNote}
            </dd>
          </>
        )}
      </dl>
      {grant.active && (
        <button type="button" className="danger" disabled={busy} onClick={() => act('revoke')}>
          Revoke {who}&apos;s access now
        </button>
      )}
      {!grant.reviewedAt && (
        <div className="field">
          <label htmlFor={`${id}-note`}>Review note</label>
          <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="button" disabled={busy} onClick={() => act('review')}>
            Mark reviewed
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </li>
  );
}
