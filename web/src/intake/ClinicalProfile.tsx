import { ApiError, allPages, api } from '../api';
import type { Persona } from '../access';
import { Link } from '../shell/router';
import { ErrorMessage, Loading, Section, formatDate, formatDateTime, useLoad } from '../shell/states';
import type { PatientSummary } from '../types';
import { hazardsOf, type Assessment } from './assessment';
import { TransitionTasks } from './TransitionTasks';
import type { Diagnosis } from './referrals';
import './intake.css';

/** The clinical profile as PatientView carries it (types.ts's Patient leaves it out). */
export interface Clinical {
  homebound?: { homebound: boolean; reason?: string | null } | null;
  diagnoses?: Diagnosis[];
  allergies?: { substance: string; reaction?: string | null; severity: string }[];
}

export interface Coverage {
  id: string;
  payerId: string;
  memberId: string;
  plan?: string | null;
  priority: 'PRIMARY' | 'SECONDARY';
  from: string;
  to?: string | null;
}

/** "Medicare (primary), member 1EG4…, plan A, from 1 Dec 2026": one coverage in words. */
export function coverageLine(c: Coverage, payerName?: string): string {
  const parts = [`${payerName ?? 'Payer ' + c.payerId} (${c.priority.toLowerCase()})`, `member ${c.memberId}`];
  if (c.plan) parts.push(`plan ${c.plan}`);
  parts.push(c.to ? `from ${formatDate(c.from)} to ${formatDate(c.to)}` : `from ${formatDate(c.from)}`);
  return parts.join(', ');
}

/**
 * The chart's clinical regions: profile (homebound, diagnoses, allergies), what the plan orders (medications, diet,
 * equipment), the assessment's home-safety findings, transition-of-care tasks and coverage.
 */
export function ClinicalProfile({ summary, persona }: { summary: PatientSummary; persona: Persona }) {
  const patientId = summary.patient.id;
  const clinical = (summary.patient as { clinical?: Clinical | null }).clinical ?? null;
  const plan = summary.activePlan?.content;
  return (
    <>
      <div className="grid">
        <Section id="intake-clinical" title="Clinical profile">
          {clinical ? (
            <dl className="facts">
              <dt>Homebound</dt>
              <dd>{clinical.homebound?.homebound ? `Yes: ${clinical.homebound.reason}` : 'No (or not recorded)'}</dd>
              <dt>Diagnoses</dt>
              <dd>
                {clinical.diagnoses && clinical.diagnoses.length > 0 ? (
                  <ul className="list">
                    {clinical.diagnoses.map((d) => (
                      <li key={d.code}>
                        {d.code} {d.description}
                        {d.primary && ' (primary)'}
                      </li>
                    ))}
                  </ul>
                ) : (
                  'None recorded'
                )}
              </dd>
              <dt>Allergies</dt>
              <dd>
                {clinical.allergies && clinical.allergies.length > 0 ? (
                  <ul className="list">
                    {clinical.allergies.map((a) => (
                      <li key={a.substance}>
                        {a.substance}
                        {a.reaction && `: ${a.reaction}`} ({a.severity.toLowerCase()})
                      </li>
                    ))}
                  </ul>
                ) : (
                  'No known allergies recorded'
                )}
              </dd>
            </dl>
          ) : (
            <p className="empty">The clinical profile is not shared with you.</p>
          )}
        </Section>
        <Section id="intake-orders" title="Medications, diet and equipment">
          {plan ? (
            <dl className="facts">
              <dt>Medications</dt>
              <dd>
                {plan.medications.length === 0 ? (
                  'None ordered'
                ) : (
                  <ul className="list">
                    {plan.medications.map((m) => (
                      <li key={m.name + m.dose}>
                        {m.name} {m.dose}, {m.route.toLowerCase()}, at {m.times.map((t) => t.slice(0, 5)).join(', ')}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt>Diet</dt>
              <dd>{plan.diet.length === 0 ? 'No diet ordered' : plan.diet.join('; ')}</dd>
              <dt>Equipment</dt>
              <dd>
                {plan.equipment.length === 0
                  ? 'None'
                  : plan.equipment.map((e) => `${e.item} (${e.status.toLowerCase().replace(/_/g, ' ')})`).join('; ')}
              </dd>
            </dl>
          ) : (
            <p className="empty">No signed plan of care yet: medications, diet and equipment are written in the plan.</p>
          )}
        </Section>
        <HomeSafety patientId={patientId} persona={persona} />
      </div>
      <div className="grid">
        <TransitionTasks patientId={patientId} />
        <CoverageSection patientId={patientId} persona={persona} />
      </div>
    </>
  );
}

function HomeSafety({ patientId, persona }: { patientId: string; persona: Persona }) {
  const id = encodeURIComponent(patientId);
  const [loaded, reload] = useLoad(async () => {
    try {
      return await api<Assessment>(`/patients/v1/patients/${id}/assessment`);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return e.status;
      throw e;
    }
  }, [id]);
  const mayAssess = persona === 'coordinator' || persona === 'clinician' || persona === 'physician';
  const link = (text: string) => mayAssess && <p><Link to={`/patients/${id}/assessment`}>{text}</Link></p>;
  return (
    <Section id="intake-safety" title="Home safety">
      {loaded.state === 'loading' && <Loading what="the home-safety findings" />}
      {loaded.state === 'error' && <ErrorMessage message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && loaded.data === 404 && (
        <>
          <p className="empty">No initial assessment yet.</p>
          {link('Start the initial assessment')}
        </>
      )}
      {loaded.state === 'ready' && loaded.data === 403 && <p className="empty">The assessment is not shared with your role.</p>}
      {loaded.state === 'ready' && typeof loaded.data === 'object' && (
        <>
          <p>
            {loaded.data.status === 'COMPLETED'
              ? `Assessed and completed ${formatDateTime(loaded.data.completedAt)}.`
              : `Assessment in progress (${loaded.data.homeSafety.length} of 12 items checked).`}
          </p>
          {hazardsOf(loaded.data).length === 0 ? (
            <p>No hazard found.</p>
          ) : (
            <ul className="list">
              {hazardsOf(loaded.data).map((h) => (
                <li key={h.item}>
                  <strong>Hazard: {h.label}</strong>
                  {h.finding && ` (${h.finding})`}. Action: {h.action}
                </li>
              ))}
            </ul>
          )}
          {link(loaded.data.status === 'COMPLETED' ? 'Open the initial assessment' : 'Continue the initial assessment')}
        </>
      )}
    </Section>
  );
}

interface BillingFile {
  coverages: Coverage[];
}

function CoverageSection({ patientId, persona }: { patientId: string; persona: Persona }) {
  const id = encodeURIComponent(patientId);
  const readable = persona === 'coordinator' || persona === 'billing';
  const [loaded, reload] = useLoad(async () => {
    if (!readable) return 403;
    try {
      const [file, payers] = await Promise.all([
        api<BillingFile>(`/billing/v1/patients/${id}`),
        allPages<{ id: string; name: string }>('/billing/v1/payers', { what: 'payers' }).catch(() => null),
      ]);
      const names = new Map((payers ?? []).map((p) => [p.id, p.name]));
      return file.coverages.map((c) => coverageLine(c, names.get(c.payerId)));
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return e.status;
      throw e;
    }
  }, [id, readable]);
  return (
    <Section id="intake-coverage" title="Coverage">
      {loaded.state === 'loading' && <Loading what="coverage" />}
      {loaded.state === 'error' && <ErrorMessage message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && loaded.data === 403 && <p className="empty">Coverage is kept by billing; your role cannot read it.</p>}
      {loaded.state === 'ready' && loaded.data === 404 && <p className="empty">Billing has not opened a file for this patient yet.</p>}
      {loaded.state === 'ready' && Array.isArray(loaded.data) &&
        (loaded.data.length === 0 ? (
          <p className="empty">No coverage recorded yet: billing records it.</p>
        ) : (
          <ul className="list">
            {loaded.data.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ))}
    </Section>
  );
}
