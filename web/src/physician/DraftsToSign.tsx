import { useState } from 'react';
import { ApiError, allPages, api } from '../api';
import { Link } from '../shell/router';
import { Section, Show, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { DraftReview } from '../careplan/DraftReview';
import { loadPlan, type VersionedPlan } from '../careplan/signature';

/** One entry of the patient-service's list of open drafts. */
interface OpenDraft {
  patientId: string;
  number: number;
}

interface Waiting {
  patient: Patient;
  versioned: VersionedPlan;
}

/** The physician's patients whose plan has an open draft: review what it changes, then sign it. */
export function DraftsToSign() {
  const [drafts, reload, refresh] = useLoad(async () => {
    // the store finds the open drafts of the physician's patients, however many patients they have
    const open = await allPages<OpenDraft>('/patients/v1/care-plans/drafts', { what: 'plans waiting for a signature' });
    const plans = await Promise.all(
      open.map(async ({ patientId }): Promise<Waiting | null> => {
        try {
          const [patient, versioned] = await Promise.all([
            api<Patient>(`/patients/v1/patients/${encodeURIComponent(patientId)}`),
            loadPlan(patientId),
          ]);
          return versioned.plan.draft ? { patient, versioned } : null;
        } catch (e) {
          if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
          throw e;
        }
      }),
    );
    return plans.filter((x): x is Waiting => x !== null);
  });
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Section id="drafts" title="Plans waiting for signature">
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Show loaded={drafts} what="plans" retry={reload} isEmpty={(d) => d.length === 0} empty="No plan is waiting for your signature.">
        {(list) => (
          <ul className="drafts">
            {list.map(({ patient, versioned }) => (
              <li key={patient.id}>
                <h3>
                  <Link to={`/patients/${patient.id}`}>{fullName(patient)}</Link>: draft version {versioned.plan.draft!.number}
                </h3>
                <DraftReview
                  key={versioned.etag}
                  patientId={patient.id}
                  versioned={versioned}
                  patientName={fullName(patient)}
                  onSigned={(m) => {
                    setMessage(m);
                    refresh();
                  }}
                />
              </li>
            ))}
          </ul>
        )}
      </Show>
    </Section>
  );
}
