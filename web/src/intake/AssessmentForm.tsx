import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, api, apiVersioned } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { FieldMessages } from './FieldMessages';
import {
  ADLS, HAZARDS, LEVELS, SAFETY_STATUSES, VITALS, check, emptyForm, fromAssessment, serverErrors, toRequest,
  type Assessment, type AssessmentForm as Form, type FieldErrors, type Independence, type SafetyAnswer, type SafetyStatus,
} from './assessment';
import './intake.css';

interface Loaded {
  patient: Patient;
  assessment: Assessment | null;
  etag: string;
}

async function load(patientId: string): Promise<Loaded> {
  const base = `/patients/v1/patients/${encodeURIComponent(patientId)}`;
  const patient = await api<Patient>(base);
  try {
    const { body, etag } = await apiVersioned<Assessment>(`${base}/assessment`);
    return { patient, assessment: body, etag };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { patient, assessment: null, etag: '"0"' }; // the first write
    throw e;
  }
}

/** The start-of-care assessment of an admitted patient: medical baseline, ADLs, the 12 home-safety items, goals. */
export function AssessmentPage({ patientId }: { patientId: string }) {
  const [loaded, reload] = useLoad(() => load(patientId), [patientId]);
  const chart = `/patients/${encodeURIComponent(patientId)}`;
  return (
    <>
      <p>
        <Link to={chart}>← Back to the chart</Link>
      </p>
      <Show loaded={loaded} what="the assessment" retry={reload}>
        {(l) => <AssessmentEditor patientId={patientId} loaded={l} />}
      </Show>
    </>
  );
}

function AssessmentEditor({ patientId, loaded }: { patientId: string; loaded: Loaded }) {
  const id = useId();
  const name = fullName(loaded.patient);
  const [form, setForm] = useState<Form>(() => (loaded.assessment ? fromAssessment(loaded.assessment) : emptyForm()));
  const [etag, setEtag] = useState(loaded.etag);
  const [saved, setSaved] = useState<Assessment | null>(loaded.assessment);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [said, setSaid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const completed = saved?.status === 'COMPLETED';
  const path = `/patients/v1/patients/${encodeURIComponent(patientId)}/assessment`;
  const count = Object.values(errors).reduce((n, list) => n + list.length, 0);

  // after a refused attempt the form is checked again as it is edited, so that fixed fields lose their message
  const [attempt, setAttempt] = useState<{ completing: boolean; round: number } | null>(null);
  useEffect(() => {
    if (attempt !== null) setErrors(check(form, attempt.completing));
  }, [form, attempt]);
  // focus moves to the summary only when a save is refused, never while typing
  const round = attempt?.round;
  useEffect(() => {
    if (round !== undefined) document.getElementById(`${id}-summary`)?.focus();
  }, [round, id]);

  const refused = (completing: boolean) => setAttempt((a) => ({ completing, round: (a?.round ?? 0) + 1 }));

  const save = async (completing: boolean) => {
    setSaid(null);
    const found = check(form, completing);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      refused(completing);
      return;
    }
    setAttempt(null);
    const request = toRequest(form);
    setBusy(true);
    try {
      const written = await api<Assessment>(path, { method: 'PUT', headers: { 'If-Match': etag }, body: JSON.stringify(request) });
      let tag = await etagOf(path);
      setSaved(written);
      if (completing) {
        const done = await api<Assessment>(`${path}/completion`, { method: 'POST', headers: { 'If-Match': tag } });
        tag = await etagOf(path);
        setSaved(done);
        setSaid(`The initial assessment of ${name} is complete.`);
      } else {
        setSaid(`The assessment of ${name} is saved; it can be completed later.`);
      }
      setEtag(tag);
    } catch (e) {
      // the service's own refusal stays on screen until the next save (the checks here do not know its reasons)
      if (e instanceof ApiError && e.problem?.errors?.length) setErrors(serverErrors(e.problem, request));
      else setErrors({ '': [e instanceof ApiError ? e.message : 'The assessment was not saved. Please try again.'] });
      window.setTimeout(() => document.getElementById(`${id}-summary`)?.focus(), 0); // once the summary is shown
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };

  const described = (key: string, hint?: string) => ({
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': [hint, errors[key] ? `${id}-${key}-error` : undefined].filter(Boolean).join(' ') || undefined,
  });
  const setSafety = (item: string, change: Partial<SafetyAnswer>) =>
    setForm((f) => ({ ...f, homeSafety: { ...f.homeSafety, [item]: { ...f.homeSafety[item], ...change } } }));
  const unchecked = HAZARDS.filter(([h]) => !form.homeSafety[h].status).length;

  return (
    <>
      <h1>Initial assessment: {name}</h1>
      {completed ? (
        <p className="notice">Completed {formatDateTime(saved?.completedAt)}. It is kept as it was completed.</p>
      ) : (
        <p className="hint">Fill in what you have; save, and complete it once every part is there.</p>
      )}
      <p role="status" className="notice-line">
        {said}
      </p>
      {count > 0 && (
        <div id={`${id}-summary`} className="error-summary" role="alert" tabIndex={-1}>
          <p>
            The assessment was not saved: {count === 1 ? 'one thing needs' : `${count} things need`} your attention (shown next to each field).
          </p>
          <FieldMessages id={`${id}--error`} messages={errors['']} />
        </div>
      )}
      <form className="assessment" onSubmit={submit} noValidate>
        <fieldset disabled={completed || busy} className="plain">
          <Section id="assessment-baseline" title="Medical baseline">
            <div className="vitals-grid">
              {VITALS.map((v) => (
                <div key={v.vital} className="field">
                  <label htmlFor={`${id}-${v.vital}`}>
                    {v.label} ({v.shown}){v.required ? ', required' : ''}
                  </label>
                  <input id={`${id}-${v.vital}`} type="text" inputMode="decimal" autoComplete="off" value={form.baseline[v.vital]}
                    onChange={(e) => setForm((f) => ({ ...f, baseline: { ...f.baseline, [v.vital]: e.target.value } }))}
                    {...described(`baseline.${v.vital}`)} />
                  <FieldMessages id={`${id}-baseline.${v.vital}-error`} messages={errors[`baseline.${v.vital}`]} />
                </div>
              ))}
            </div>
            <div className="field">
              <label htmlFor={`${id}-history`}>Medical history</label>
              <textarea id={`${id}-history`} rows={3} value={form.medicalHistory}
                onChange={(e) => setForm((f) => ({ ...f, medicalHistory: e.target.value }))} {...described('medicalHistory')} />
              <FieldMessages id={`${id}-medicalHistory-error`} messages={errors.medicalHistory} />
            </div>
          </Section>
          <Section id="assessment-adl" title="Activities of daily living">
            <div className="vitals-grid">
              {ADLS.map(([adl, label]) => (
                <div key={adl} className="field">
                  <label htmlFor={`${id}-${adl}`}>{label}</label>
                  <select id={`${id}-${adl}`} value={form.functional[adl]}
                    onChange={(e) => setForm((f) => ({ ...f, functional: { ...f.functional, [adl]: e.target.value as Independence | '' } }))}
                    {...described(`functional.${adl}`)}>
                    <option value="">Not rated yet</option>
                    {LEVELS.map(([level, text]) => (
                      <option key={level} value={level}>
                        {text}
                      </option>
                    ))}
                  </select>
                  <FieldMessages id={`${id}-functional.${adl}-error`} messages={errors[`functional.${adl}`]} />
                </div>
              ))}
            </div>
          </Section>
          <Section id="assessment-safety" title="Home safety">
            <p className="hint">
              {unchecked === 0 ? 'All 12 items are checked.' : `${unchecked} of 12 items not checked yet.`} A hazard needs the action agreed
              (for example "remove the hall runner").
            </p>
            {unchecked > 0 && (
              <button type="button" className="secondary"
                onClick={() => setForm((f) => ({ ...f, homeSafety: Object.fromEntries(Object.entries(f.homeSafety).map(([k, a]) => [k, a.status ? a : { ...a, status: 'OK' }])) }))}>
                Mark the {unchecked} unchecked items safe
              </button>
            )}
            <div className="safety-items">
              {HAZARDS.map(([item, label]) => {
                const answer = form.homeSafety[item];
                const statusKey = `homeSafety.${item}.status`;
                return (
                  <fieldset key={item} className={`safety ${answer.status === 'HAZARD' ? 'hazard' : ''}`}
                    aria-describedby={errors[statusKey] ? `${id}-${statusKey}-error` : undefined}>
                    <legend>{label}</legend>
                    <div className="choices">
                      {SAFETY_STATUSES.map(([status, text]) => (
                        <label key={status} className="check">
                          <input type="radio" name={`${id}-${item}`} value={status} checked={answer.status === status}
                            onChange={() => setSafety(item, { status: status as SafetyStatus })} />
                          {text}
                        </label>
                      ))}
                    </div>
                    <FieldMessages id={`${id}-${statusKey}-error`} messages={errors[statusKey]} />
                    {answer.status === 'HAZARD' && (
                      <>
                        <label htmlFor={`${id}-${item}-finding`}>Finding</label>
                        <input id={`${id}-${item}-finding`} value={answer.finding} onChange={(e) => setSafety(item, { finding: e.target.value })}
                          {...described(`homeSafety.${item}.finding`)} />
                        <FieldMessages id={`${id}-homeSafety.${item}.finding-error`} messages={errors[`homeSafety.${item}.finding`]} />
                        <label htmlFor={`${id}-${item}-action`}>Action (required for a hazard)</label>
                        <input id={`${id}-${item}-action`} value={answer.action} onChange={(e) => setSafety(item, { action: e.target.value })}
                          {...described(`homeSafety.${item}.action`)} />
                        <FieldMessages id={`${id}-homeSafety.${item}.action-error`} messages={errors[`homeSafety.${item}.action`]} />
                      </>
                    )}
                  </fieldset>
                );
              })}
            </div>
          </Section>
          <Section id="assessment-goals" title="Goals">
            <div className="field">
              <label htmlFor={`${id}-goals`}>The patient's own goals, one per line</label>
              <textarea id={`${id}-goals`} rows={3} value={form.goals} onChange={(e) => setForm((f) => ({ ...f, goals: e.target.value }))}
                {...described('goals')} />
              <FieldMessages id={`${id}-goals-error`} messages={errors.goals} />
            </div>
          </Section>
          {!completed && (
            <div className="actions">
              <button type="button" className="secondary" onClick={() => void save(false)}>
                Save progress
              </button>
              <button type="submit">Complete assessment</button>
            </div>
          )}
        </fieldset>
      </form>
      {saved && saved.status === 'COMPLETED' && (
        <p>
          <Link to={`/patients/${encodeURIComponent(patientId)}`}>See the findings in the chart of {name}</Link>
        </p>
      )}
    </>
  );
}

/** The stored version after a write, read back (api() answers the body only) for the next If-Match. */
async function etagOf(path: string): Promise<string> {
  return (await apiVersioned<unknown>(path)).etag;
}

