import { api, type Page } from '../api';
import type { Persona } from '../access';
import { Link } from '../shell/router';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { discipline, fullName, type Alert, type CarePlanView, type PatientSummary, type Visit } from '../types';
import { humanType } from '../coordinator/dashboard';
import { useState } from 'react';

export function PatientChart({ patientId, persona }: { patientId: string; persona: Persona }) {
  const id = encodeURIComponent(patientId);
  const [summary, reloadSummary] = useLoad(() => api<PatientSummary>(`/patients/v1/patients/${id}/summary`), [id]);
  const [alerts, reloadAlerts] = useLoad(
    async () => (await api<Page<Alert>>(`/patients/v1/patients/${id}/alerts?size=50`)).items,
    [id],
  );
  const [visits, reloadVisits] = useLoad(
    async () => (await api<{ visits: Visit[] | null }>(`/scheduling/v1/patients/${id}/visits`)).visits ?? [],
    [id],
  );
  return (
    <>
      <p>
        <Link to="/patients">← All patients</Link>
      </p>
      <Show loaded={summary} what="the chart" retry={reloadSummary}>
        {(s) => (
          <>
            <h1>{fullName(s.patient)}</h1>
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
                {persona === 'physician' && <Signature patientId={id} />}
              </Section>
            </div>
          </>
        )}
      </Show>
      <div className="grid">
        <CareCircleSection patientId={id} />
        <PlanHistory patientId={id} />
      </div>
      <div className="grid">
        <Section id="patient-alerts" title="Alerts">
          <Show loaded={alerts} what="alerts" retry={reloadAlerts} isEmpty={(a) => a.length === 0} empty="No alerts.">
            {(list) => (
              <ul className="list">
                {list.map((a) => (
                  <li key={a.id}>
                    <span className={`badge ${a.severity.toLowerCase()}`}>{humanType(a.severity)}</span> {a.finding} ·{' '}
                    {humanType(a.status)} · {formatDateTime(a.raisedAt)}
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
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

/** The lead physician signs the open draft (If-Match with the plan's ETag). */
function Signature({ patientId }: { patientId: string }) {
  const [plan, reload] = useLoad(() => api<CarePlanView>(`/patients/v1/patients/${patientId}/care-plan`), [patientId]);
  const [message, setMessage] = useState<string | null>(null);
  if (plan.state !== 'ready' || !plan.data.draft) return null;
  const sign = async () => {
    try {
      const response = await fetch(`/console/api/patients/v1/patients/${patientId}/care-plan`, { credentials: 'same-origin' });
      const etag = response.headers.get('ETag') ?? '';
      await api(`/patients/v1/patients/${patientId}/care-plan/draft/signature`, { method: 'POST', headers: { 'If-Match': etag } });
      setMessage('The plan is signed.');
      reload();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The plan could not be signed.');
    }
  };
  return (
    <div className="draft">
      <p>
        Draft version {plan.data.draft.number} is waiting for your signature (visits: {plan.data.draft.content.frequency}).
      </p>
      <button type="button" onClick={sign}>
        Sign version {plan.data.draft.number}
      </button>
      {message && <p role="status">{message}</p>}
    </div>
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

interface VersionSummary {
  number: number;
  status: string;
  frequency: string;
  authoredAt: string;
  signedAt?: string | null;
}

/** Every version of the plan, newest first. */
function PlanHistory({ patientId }: { patientId: string }) {
  const [versions, reload] = useLoad(
    () => api<VersionSummary[]>(`/patients/v1/patients/${patientId}/care-plan/versions`),
    [patientId],
  );
  return (
    <Section id="versions" title="Plan versions">
      <Show loaded={versions} what="plan versions" retry={reload} isEmpty={(v) => v.length === 0} empty="No plan has been written yet.">
        {(list) => (
          <ol className="list" reversed>
            {list.map((v) => (
              <li key={v.number}>
                Version {v.number}: {humanType(v.status)} · visits {v.frequency} · written {formatDateTime(v.authoredAt)}
                {v.signedAt && <>, signed {formatDateTime(v.signedAt)}</>}
              </li>
            ))}
          </ol>
        )}
      </Show>
    </Section>
  );
}
