import { useState } from 'react';
import { ApiError, api, type Page } from '../api';
import { Link } from '../shell/router';
import { Section, Show, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { DraftReview } from '../careplan/DraftReview';
import { loadPlan, type VersionedPlan } from '../careplan/signature';

interface Waiting {
  patient: Patient;
  versioned: VersionedPlan;
}

/** The physician's patients whose plan has an open draft: review what it changes, then sign it. */
export function DraftsToSign() {
  const [drafts, reload, refresh] = useLoad(async () => {
    const patients = (await api<Page<Patient>>('/patients/v1/patients?size=100')).items;
    const plans = await Promise.all(
      patients.map(async (patient): Promise<Waiting | null> => {
        try {
          const versioned = await loadPlan(patient.id);
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
