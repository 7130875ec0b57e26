import { api } from '../api';
import type { Persona } from '../access';
import { Link } from '../shell/router';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { discipline, fullName, type PatientSummary, type Visit } from '../types';
import { humanType } from '../coordinator/dashboard';
import { PlanHistory } from '../careplan/PlanHistory';
import { ChartSignature } from '../careplan/DraftReview';
import { PatientAlerts } from '../alerts/PatientAlerts';
import { VitalsCharts } from '../vitals/VitalsCharts';
import { ClinicalProfile } from '../intake/ClinicalProfile';
import { CareWorkLinks } from '../careplan/CareWorkLinks';
import { EmergencyAccess, EmergencyBanner } from '../trust/EmergencyAccess';
import type { BreakGlassGrant } from '../trust/breakGlass';
import { useState } from 'react';

export function PatientChart({ patientId, persona }: { patientId: string; persona: Persona }) {
  const id = encodeURIComponent(patientId);
  const [summary, reloadSummary] = useLoad(() => api<PatientSummary>(`/patients/v1/patients/${id}/summary`), [id]);
  const [visits, reloadVisits] = useLoad(
    async () => (await api<{ visits: Visit[] | null }>(`/scheduling/v1/patients/${id}/visits`)).visits ?? [],
    [id],
  );
  const [emergency, setEmergency] = useState<BreakGlassGrant | null>(null);
  const clinician = persona === 'clinician' || persona === 'physician';
  // a clinician refused the chart (not on the care team) may open it in an emergency; another agency's patient stays
  // "not found" (the service answers 404 to the emergency request too)
  if (clinician && summary.state === 'error' && (summary.status === 403 || summary.status === 404)) {
    return (
      <>
        {summary.status === 404 ? <PatientNotFound /> : <PatientRefused />}
        <EmergencyAccess
          patientId={patientId}
          onOpened={(grant) => {
            setEmergency(grant);
            reloadSummary();
            reloadVisits();
          }}
        />
      </>
    );
  }
  // an unknown (or not shared) patient: one page that says so, not one "could not be found" per section
  if (summary.state === 'error' && summary.status === 404) return <PatientNotFound />;
  return (
    <>
      <p>
        <Link to="/patients">← All patients</Link>
      </p>
      {emergency && <EmergencyBanner grant={emergency} />}
      <Show loaded={summary} what="the chart" retry={reloadSummary}>
        {(s) => (
          <>
            <h1>{fullName(s.patient)}</h1>
            <CareWorkLinks patientId={patientId} persona={persona} />
            <div className="grid">
              <Section id="profile" title="Summary">
                <dl className="facts">
                  <dt>Born</dt>
                  <dd>{formatDate(s.patient.birthDate)}</dd>
                  <dt>Status</dt>
                  <dd>{humanType(s.patient.status)}</dd>
                  <dt>Language</dt>
                  <dd>{s.patient.language ?? '—'}</dd>
                  <dt>Address</dt>
                  <dd>
                    {[s.patient.address?.line1, s.patient.address?.city, s.patient.address?.state].filter(Boolean).join(', ') || '—'}
                  </dd>
                </dl>
              </Section>
              <Section id="team" title="Care team">
                {s.careTeam.length === 0 ? (
                  <p className="empty">No care team yet.</p>
                ) : (
                  <ul className="list">
                    {s.careTeam.map((m) => (
                      <li key={m.subject + m.role}>
                        {m.displayName ?? m.subject} · {humanType(m.role)}
                        {m.lead && ' (lead)'}
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
              <Section id="plan" title="Plan of care">
                {s.activePlan ? (
                  <>
                    <p>
                      Version {s.activePlan.number}, signed {formatDateTime(s.activePlan.signedAt)}. Visits:{' '}
                      <strong>{s.activePlan.content.frequency}</strong>
                    </p>
                    <ul className="list">
                      {s.activePlan.content.problems.map((p) => (
                        <li key={p.description}>{p.description}</li>
                      ))}
                    </ul>
                  </>
                ) : (
                  <p className="empty">No signed plan of care yet.</p>
                )}
                {persona === 'physician' && <ChartSignature patientId={patientId} />}
              </Section>
            </div>
            <ClinicalProfile summary={s} persona={persona} />
          </>
        )}
      </Show>
      <VitalsCharts patientId={patientId} />
      <div className="grid">
        <CareCircleSection patientId={id} />
        <PlanHistory patientId={patientId} />
      </div>
      <div className="grid">
        <PatientAlerts patientId={patientId} />
        <Section id="patient-visits" title="Upcoming visits">
          <Show loaded={visits} what="visits" retry={reloadVisits} isEmpty={(v) => v.length === 0} empty="No upcoming visits.">
            {(list) => (
              <ul className="list">
                {list.map((v) => (
                  <li key={v.id}>
                    {discipline(v.discipline)} ·{' '}
                    {v.booking ? formatDateTime(v.booking.start) : `to book between ${formatDate(v.earliest)} and ${formatDate(v.latest)}`} ·{' '}
                    {humanType(v.status)}
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
      </div>
    </>
  );
}

interface CareCircle {
  members: { subject?: string | null; displayName: string; relationship: string; pointOfContact: boolean; scopes: string[] }[];
}

const SCOPES: Record<string, string> = {
  SCHEDULE: 'visit schedule',
  CARE_PLAN_SUMMARY: 'plan of care in brief',
  MESSAGES: 'messages',
  VITALS: 'vitals',
  ACCESS_LOG: 'who viewed the record',
};

/** Who the family circle is and what each member may see (their consent scopes). */
function CareCircleSection({ patientId }: { patientId: string }) {
  const [circle, reload] = useLoad(() => api<CareCircle>(`/patients/v1/patients/${patientId}/care-circle`), [patientId]);
  return (
    <Section id="circle" title="Care circle">
      <Show loaded={circle} what="the care circle" retry={reload} isEmpty={(c) => c.members.length === 0} empty="No family member or caregiver yet.">
        {(c) => (
          <ul className="list">
            {c.members.map((m) => (
              <li key={(m.subject ?? '') + m.displayName}>
                {m.displayName} ({m.relationship}
                {m.pointOfContact && ', point of contact'}) — may see:{' '}
                {m.scopes.length === 0 ? 'nothing yet' : m.scopes.map((scope) => SCOPES[scope] ?? scope).join(', ')}
              </li>
            ))}
          </ul>
        )}
      </Show>
    </Section>
  );
}

function PatientRefused() {
  return (
    <div role="alert" className="forbidden">
      <h1>Not on your care team</h1>
      <p>
        You are not on this patient&apos;s care team, so the chart is closed to you. <Link to="/patients">Go to the patient list</Link>.
      </p>
    </div>
  );
}

function PatientNotFound() {
  return (
    <div role="alert" className="not-found">
      <h1>Patient not found</h1>
      <p>
        There is no such patient, or the patient is not shared with you. <Link to="/patients">Go to the patient list</Link>.
      </p>
    </div>
  );
}
