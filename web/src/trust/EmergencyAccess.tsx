import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api } from '../api';
import { formatDateTime } from '../shell/states';
import { reasonProblem, type BreakGlassGrant } from './breakGlass';

/**
 * Shown to a clinician on a chart that refused them: opening the record in an emergency (break-glass), with a reason.
 * The access is read-only, lasts a set time and is reviewed by the privacy officer; the form says so before it is sent.
 */
export function EmergencyAccess({ patientId, onOpened }: { patientId: string; onOpened: (grant: BreakGlassGrant) => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const refused = reasonProblem(reason);
    setProblem(refused);
    if (refused) return;
    setBusy(true);
    key.current ??= crypto.randomUUID();
    try {
      const grant = await api<BreakGlassGrant>(`/patients/v1/patients/${encodeURIComponent(patientId)}/break-glass`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key.current },
        body: JSON.stringify({ reason: reason.trim() }),
      });
      key.current = null;
      onOpened(grant);
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : 'The record could not be opened.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card emergency-access" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Emergency access</h2>
      <p>
        You are not on this patient&apos;s care team. In an emergency you can open the record to read it for a few hours.
        The privacy officer and the patient&apos;s lead physician are told, and every page you open is recorded as
        emergency access.
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (required)</label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            required
            aria-required="true"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-problem` : undefined}
            maxLength={500}
            rows={3}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        {problem && (
          <p id={`${id}-problem`} role="alert" className="error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          Open the record in an emergency
        </button>
      </form>
    </section>
  );
}

/** The banner on a chart opened under break-glass. */
export function EmergencyBanner({ grant }: { grant: BreakGlassGrant }) {
  return (
    <p className="notice emergency-banner" role="status">
      Emergency access: you may read this record until {formatDateTime(grant.expiresAt)}. Every page you open is recorded.
    </p>
  );
}
