import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, apiVersioned, post } from '../api';
import { FieldMessages } from './FieldMessages';
import { errorsByField, prospectName, withFallback, type Diagnosis, type Referral } from './referrals';

const SEVERITIES = ['MILD', 'MODERATE', 'SEVERE', 'UNKNOWN'] as const;

export interface AllergyRow {
  substance: string;
  reaction: string;
  severity: (typeof SEVERITIES)[number];
}

export interface AdmissionFacts {
  homebound: boolean;
  reason: string;
  allergies: AllergyRow[];
}

/** What is wrong before anything is sent, by field (homebound.reason, allergies[0].substance). */
export function checkAdmission(facts: AdmissionFacts): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (facts.homebound && !facts.reason.trim()) {
    errors['homebound.reason'] = ['Say why leaving home takes a considerable and taxing effort: homebound status needs a reason.'];
  }
  if (facts.reason.length > 500) errors['homebound.reason'] = ['The reason can be at most 500 characters.'];
  facts.allergies.forEach((a, i) => {
    if (!a.substance.trim()) errors[`allergies[${i}].substance`] = ['Name the substance, or remove this allergy.'];
  });
  return errors;
}

/** The clinical profile written right after admission: the referral's diagnoses plus homebound status and allergies. */
export function profileRequest(facts: AdmissionFacts, diagnoses: Diagnosis[]) {
  return {
    homebound: { homebound: facts.homebound, reason: facts.homebound ? facts.reason.trim() : null },
    diagnoses: diagnoses.map((d) => ({ code: d.code, description: d.description, primary: d.primary })),
    allergies: facts.allergies.map((a) => ({ substance: a.substance.trim(), reaction: a.reaction.trim() || null, severity: a.severity })),
  };
}

/**
 * Admits an accepted referral (the service creates the patient and, after a hospital stay, the transition-of-care
 * tasks), then records what the referral cannot carry: homebound status with its reason, and allergies.
 */
export function AdmitForm({ referral, path, onAdmitted }: { referral: Referral; path: string; onAdmitted: (said: string) => void }) {
  const id = useId();
  const [facts, setFacts] = useState<AdmissionFacts>({ homebound: false, reason: '', allergies: [] });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const name = prospectName(referral);

  const setAllergy = (i: number, change: Partial<AllergyRow>) =>
    setFacts((f) => ({ ...f, allergies: f.allergies.map((a, j) => (j === i ? { ...a, ...change } : a)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkAdmission(facts);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    let admitted: Referral;
    try {
      admitted = await post<Referral>(`${path}/admission`);
    } catch (e) {
      setErrors(e instanceof ApiError ? withFallback(errorsByField(e.problem), e.message) : { '': ['The admission failed. Please try again.'] });
      setBusy(false);
      return;
    }
    const said = `${name} is admitted.`;
    if (!facts.homebound && facts.allergies.length === 0) {
      onAdmitted(`${said} The transition-of-care tasks, if any, are listed below.`);
      return;
    }
    try {
      const patientPath = `/patients/v1/patients/${encodeURIComponent(admitted.patientId!)}`;
      const current = await apiVersioned<{ clinical?: { diagnoses?: Diagnosis[] } }>(patientPath);
      await api(`${patientPath}/clinical-profile`, {
        method: 'PUT',
        headers: { 'If-Match': current.etag },
        body: JSON.stringify(profileRequest(facts, current.body.clinical?.diagnoses ?? referral.diagnoses)),
      });
      onAdmitted(`${said} Homebound status and allergies are in the chart.`);
    } catch (e) {
      onAdmitted(`${said} The clinical profile was not saved: ${e instanceof ApiError ? e.message : 'please enter it in the chart.'}`);
    }
  };

  return (
    <form className="compose admit" onSubmit={submit} noValidate>
      <p>
        Admitting creates {name}'s record with the referral's diagnoses
        {referral.dischargeDate ? ' and the follow-up owed after the hospital discharge' : ''}.
      </p>
      <fieldset>
        <legend>Homebound status</legend>
        <label className="check">
          <input type="checkbox" checked={facts.homebound} onChange={(e) => setFacts({ ...facts, homebound: e.target.checked })} />
          The patient is homebound
        </label>
        <label htmlFor={`${id}-homebound`}>Why leaving home takes a considerable and taxing effort</label>
        <textarea id={`${id}-homebound`} rows={2} value={facts.reason} onChange={(e) => setFacts({ ...facts, reason: e.target.value })}
          aria-invalid={errors['homebound.reason'] ? true : undefined}
          aria-describedby={errors['homebound.reason'] ? `${id}-homebound-error` : undefined} />
        <FieldMessages id={`${id}-homebound-error`} messages={errors['homebound.reason']} alert />
      </fieldset>
      <fieldset>
        <legend>Allergies</legend>
        {facts.allergies.length === 0 && <p className="hint">No allergy entered.</p>}
        {facts.allergies.map((a, i) => {
          const key = `allergies[${i}].substance`;
          return (
            <div key={i} className="allergy" role="group" aria-label={`Allergy ${i + 1}`}>
              <label htmlFor={`${id}-substance-${i}`}>Substance</label>
              <input id={`${id}-substance-${i}`} value={a.substance} onChange={(e) => setAllergy(i, { substance: e.target.value })}
                aria-invalid={errors[key] ? true : undefined} aria-describedby={errors[key] ? `${id}-substance-${i}-error` : undefined} />
              <label htmlFor={`${id}-reaction-${i}`}>Reaction</label>
              <input id={`${id}-reaction-${i}`} value={a.reaction} onChange={(e) => setAllergy(i, { reaction: e.target.value })} />
              <label htmlFor={`${id}-severity-${i}`}>Severity</label>
              <select id={`${id}-severity-${i}`} value={a.severity} onChange={(e) => setAllergy(i, { severity: e.target.value as AllergyRow['severity'] })}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {s.toLowerCase()}
                  </option>
                ))}
              </select>
              <button type="button" className="secondary" onClick={() => setFacts((f) => ({ ...f, allergies: f.allergies.filter((_, j) => j !== i) }))}>
                Remove allergy {i + 1}
              </button>
              <FieldMessages id={`${id}-substance-${i}-error`} messages={errors[key] ?? errors[`allergies[${i}].severity`]} alert />
            </div>
          );
        })}
        <button type="button" className="secondary"
          onClick={() => setFacts((f) => ({ ...f, allergies: [...f.allergies, { substance: '', reaction: '', severity: 'UNKNOWN' }] }))}>
          Add an allergy
        </button>
      </fieldset>
      <FieldMessages id={`${id}-general`} messages={errors['']} alert />
      <button type="submit" disabled={busy}>
        Admit {name}
      </button>
    </form>
  );
}
