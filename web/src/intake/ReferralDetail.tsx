import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, post } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { AdmitForm } from './AdmitForm';
import { TransitionTasks } from './TransitionTasks';
import { FieldMessages } from './FieldMessages';
import { disciplinesRequested, errorsByField, prospectName, sourceLabel, statusLabel, withFallback, type Referral } from './referrals';
import './intake.css';

/** One referral and the coordinator's decision on it: accept or decline (with a reason), then admit. */
export function ReferralDetail({ referralId }: { referralId: string }) {
  const path = `/patients/v1/referrals/${encodeURIComponent(referralId)}`;
  // after a decision the page refreshes in place (no loading flash), so the status line stays where it was read
  const [loaded, reload, refresh] = useLoad(() => api<Referral>(path), [path]);
  const [said, setSaid] = useState<string | null>(null);
  return (
    <>
      <p>
        <Link to="/referrals">← Referral inbox</Link>
      </p>
      <Show loaded={loaded} what="the referral" retry={reload}>
        {(r) => (
          <>
            <h1>Referral of {prospectName(r)}</h1>
            <p className="referral-status">
              Status: <strong>{statusLabel(r.status)}</strong>
            </p>
            <p role="status" className="notice-line">
              {said}
            </p>
            <div className="grid">
              <ReferralFacts r={r} />
              <Section id="decision" title={r.status === 'ACCEPTED' ? 'Admission' : 'Decision'}>
                {r.status === 'RECEIVED' && <Decide path={path} name={prospectName(r)} onDecided={(text) => { setSaid(text); refresh(); }} />}
                {r.status === 'ACCEPTED' && (
                  <AdmitForm referral={r} path={path} onAdmitted={(text) => { setSaid(text); refresh(); }} />
                )}
                {r.status === 'DECLINED' && (
                  <p>
                    Declined {formatDateTime(r.decidedAt)}. Reason: {r.declineReason}
                  </p>
                )}
                {r.status === 'ADMITTED' && r.patientId && (
                  <>
                    <p>
                      {prospectName(r)} is a patient of the agency since this referral was admitted.
                    </p>
                    <ul className="list">
                      <li>
                        <Link to={`/patients/${encodeURIComponent(r.patientId)}`}>Open the chart of {prospectName(r)}</Link>
                      </li>
                      <li>
                        <Link to={`/patients/${encodeURIComponent(r.patientId)}/assessment`}>Initial assessment of {prospectName(r)}</Link>
                      </li>
                    </ul>
                  </>
                )}
              </Section>
            </div>
            {r.status === 'ADMITTED' && r.patientId && <TransitionTasks patientId={r.patientId} />}
          </>
        )}
      </Show>
    </>
  );
}

function ReferralFacts({ r }: { r: Referral }) {
  const a = r.patient.address;
  return (
    <Section id="referral" title="Referral">
      <dl className="facts">
        <dt>Received</dt>
        <dd>{formatDateTime(r.receivedAt)}</dd>
        <dt>Referred by</dt>
        <dd>
          {r.referringPhysician.name} (NPI {r.referringPhysician.npi})
        </dd>
        <dt>Source</dt>
        <dd>{sourceLabel(r.source)}</dd>
        {r.dischargeDate && (
          <>
            <dt>Discharged</dt>
            <dd>
              {formatDate(r.dischargeDate)}
              {r.complexity && `, ${r.complexity.toLowerCase()} complexity`}
            </dd>
          </>
        )}
        <dt>Reason</dt>
        <dd>{r.reason}</dd>
        <dt>Diagnoses</dt>
        <dd>
          <ul className="list">
            {r.diagnoses.map((d) => (
              <li key={d.code}>
                {d.code} {d.description}
                {d.primary && ' (primary)'}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Requested</dt>
        <dd>{disciplinesRequested(r.requestedDisciplines)}</dd>
        <dt>Born</dt>
        <dd>{formatDate(r.patient.birthDate)}</dd>
        <dt>Address</dt>
        <dd>{[a?.line1, a?.line2, a?.city, a?.state, a?.postalCode].filter(Boolean).join(', ') || '—'}</dd>
        <dt>Phone</dt>
        <dd>{r.patient.phone ?? '—'}</dd>
        <dt>Language</dt>
        <dd>{r.patient.language ?? '—'}</dd>
      </dl>
    </Section>
  );
}

/** Accept, or decline with the reason the referrer will read. */
export function Decide({ path, name, onDecided }: { path: string; name: string; onDecided: (said: string) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>, said: string) => {
    setBusy(true);
    setErrors({});
    try {
      await action();
      onDecided(said);
    } catch (e) {
      setErrors(e instanceof ApiError ? withFallback(errorsByField(e.problem), e.message) : { '': ['Something went wrong. Please try again.'] });
    } finally {
      setBusy(false);
    }
  };
  const decline = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      setErrors({ reason: ['Say why the referral is declined: the referrer reads the reason.'] });
      return;
    }
    void run(() => post(`${path}/decline`, { reason: reason.trim() }), `The referral of ${name} is declined.`);
  };
  return (
    <div className="decide">
      <p>Accept the referral when the agency can take {name} into care; then admit.</p>
      <button type="button" disabled={busy} onClick={() => run(() => post(`${path}/acceptance`), `The referral of ${name} is accepted. Admit the patient below.`)}>
        Accept referral
      </button>
      <form className="compose" onSubmit={decline} noValidate>
        <label htmlFor={`${id}-reason`}>Reason for declining (required to decline)</label>
        <textarea id={`${id}-reason`} rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)}
          aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${id}-reason-error` : undefined} />
        <FieldMessages id={`${id}-reason-error`} messages={errors.reason} alert />
        <button type="submit" className="secondary" disabled={busy}>
          Decline referral
        </button>
      </form>
      <FieldMessages id={`${id}-general`} messages={errors['']} alert />
    </div>
  );
}
