import { useId, useState } from 'react';
import { Show, formatDateTime, useLoad } from '../shell/states';
import { PlanDiffView } from './PlanDiff';
import { loadPlan, signDraft, type VersionedPlan } from './signature';
import type { CarePlanContent } from '../types';
import './careplan.css';

/**
 * The open draft of a plan for the lead physician: what it changes against the active version, then the signature.
 * Signing sends the ETag read with the draft shown, so a draft changed in the meantime is refused, not signed unseen.
 */
export function DraftReview({
  patientId,
  versioned,
  patientName,
  onSigned,
}: {
  patientId: string;
  versioned: VersionedPlan;
  patientName?: string;
  onSigned: (message: string) => void;
}) {
  const checkId = useId();
  const [reviewed, setReviewed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { plan, etag } = versioned;
  const draft = plan.draft;
  if (!draft) return null;
  const sign = async () => {
    setBusy(true);
    setError(null);
    try {
      const signed = await signDraft(patientId, etag);
      onSigned(`Version ${signed.active?.number ?? draft.number}${patientName ? ` of ${patientName}'s plan` : ''} is signed and now active.`);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The plan could not be signed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="draft-review">
      <p>
        Draft version {draft.number} is waiting for your signature (visits: {draft.content.frequency}).
      </p>
      <p className="hint">
        {draft.submittedAt
          ? `Submitted for signature ${formatDateTime(draft.submittedAt)}.`
          : 'Not yet submitted for signature by its author: it may still change.'}
      </p>
      {plan.active ? (
        <PlanDiffView patientId={patientId} from={plan.active.number} to={draft.number} headingLevel={4} />
      ) : (
        <FirstPlan content={draft.content} />
      )}
      <div className="confirm">
        <input id={checkId} type="checkbox" checked={reviewed} onChange={(e) => setReviewed(e.target.checked)} />
        <label htmlFor={checkId}>
          I have reviewed {plan.active ? `the changes in version ${draft.number}` : `version ${draft.number}`}
          {patientName ? ` for ${patientName}` : ''}
        </label>
      </div>
      <button type="button" onClick={sign} disabled={!reviewed || busy}>
        Sign version {draft.number}
      </button>
      {error && <p role="alert" className="error">{error}</p>}
    </div>
  );
}

/** A first plan has nothing to compare with: the reviewer reads it whole, in brief. */
function FirstPlan({ content }: { content: CarePlanContent }) {
  return (
    <div className="plan-diff">
      <p className="diff-summary">This is the first plan of care: there is no earlier version to compare with.</p>
      <h4>Problems and goals</h4>
      <ul>
        {content.problems.map((p) => (
          <li key={p.description}>
            {p.description}: {p.goals.map((g) => g.description).join('; ')}
          </li>
        ))}
      </ul>
      <h4>Medications</h4>
      {content.medications.length === 0 ? (
        <p className="empty">None.</p>
      ) : (
        <ul>
          {content.medications.map((m) => (
            <li key={m.name}>
              {m.name} {m.dose}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** In the chart: the physician's review and signature of this patient's open draft, if there is one. */
export function ChartSignature({ patientId }: { patientId: string }) {
  const [plan, reload, refresh] = useLoad(() => loadPlan(patientId), [patientId]);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Show loaded={plan} what="the draft" retry={reload}>
        {(versioned) => (
          <DraftReview
            key={versioned.etag}
            patientId={patientId}
            versioned={versioned}
            onSigned={(m) => {
              setMessage(m);
              refresh();
            }}
          />
        )}
      </Show>
    </>
  );
}
