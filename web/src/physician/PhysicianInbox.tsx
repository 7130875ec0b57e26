import { useState } from 'react';
import { ApiError, api, post, type Page } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { fullName, type Alert, type CarePlanView, type Patient } from '../types';
import { humanType } from '../coordinator/dashboard';
import { UrgentMessages } from '../messages/Urgent';

/** Plans waiting for the physician's signature, and open alerts to acknowledge. */
export function PhysicianInbox() {
  const [drafts, reloadDrafts] = useLoad(async () => {
    const patients = (await api<Page<Patient>>('/patients/v1/patients?size=100')).items;
    const plans = await Promise.all(
      patients.map(async (p) => {
        try {
          const plan = await api<CarePlanView>(`/patients/v1/patients/${p.id}/care-plan`);
          return plan.draft ? { patient: p, plan } : null;
        } catch (e) {
          if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return null;
          throw e;
        }
      }),
    );
    return plans.filter((x): x is { patient: Patient; plan: CarePlanView } => x !== null);
  });
  const [alerts, reloadAlerts] = useLoad(async () => (await api<Page<Alert>>('/patients/v1/alerts?status=OPEN&size=100')).items);
  const [message, setMessage] = useState<string | null>(null);

  const acknowledge = async (a: Alert) => {
    try {
      await post(`/patients/v1/patients/${a.patientId}/alerts/${a.id}/acknowledgement`);
      setMessage('Alert acknowledged.');
      reloadAlerts();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The alert could not be acknowledged.');
    }
  };

  return (
    <>
      <h1>Signatures and alerts</h1>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <div className="grid">
        <UrgentMessages />
        <Section id="drafts" title="Plans waiting for signature">
          <Show loaded={drafts} what="plans" retry={reloadDrafts} isEmpty={(d) => d.length === 0} empty="No plan is waiting for your signature.">
            {(list) => (
              <ul className="list">
                {list.map(({ patient, plan }) => (
                  <li key={patient.id}>
                    <Link to={`/patients/${patient.id}`}>{fullName(patient)}</Link>: draft version {plan.draft!.number}
                  </li>
                ))}
              </ul>
            )}
          </Show>
        </Section>
        <Section id="inbox" title="Open alerts">
          <Show loaded={alerts} what="alerts" retry={reloadAlerts} isEmpty={(a) => a.length === 0} empty="No open alerts.">
            {(list) => (
              <ul className="list">
                {list.map((a) => (
                  <li key={a.id}>
                    <span className={`badge ${a.severity.toLowerCase()}`}>{humanType(a.severity)}</span> {a.finding} (
                    {formatDateTime(a.raisedAt)}) · <Link to={`/patients/${a.patientId}`}>chart</Link>{' '}
                    <button type="button" onClick={() => acknowledge(a)}>
                      Acknowledge
                    </button>
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
