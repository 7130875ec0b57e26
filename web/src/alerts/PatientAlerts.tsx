import { useState } from 'react';
import { api, type Page } from '../api';
import { Section, Show, useLoad } from '../shell/states';
import { useLive } from '../shell/live';
import type { Alert } from '../types';
import { AlertList } from './AlertList';

/** One patient's alerts in the chart, to acknowledge and resolve; reloaded when a live event names the patient. */
export function PatientAlerts({ patientId }: { patientId: string }) {
  const id = encodeURIComponent(patientId);
  const [alerts, reload, refresh] = useLoad(async () => (await api<Page<Alert>>(`/patients/v1/patients/${id}/alerts?size=50`)).items, [id]);
  const [message, setMessage] = useState<string | null>(null);
  // alerts reach the care team as MESSAGE/URGENT events naming the patient
  useLive(refresh, (e) => e.patientId === patientId && e.kind !== 'CHANGE' && e.kind !== 'NOTICE');
  return (
    <Section id="patient-alerts" title="Alerts">
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Show loaded={alerts} what="alerts" retry={reload} isEmpty={(a) => a.length === 0} empty="No alerts.">
        {(list) => (
          <AlertList
            alerts={list}
            onChanged={(m) => {
              setMessage(m);
              refresh();
            }}
          />
        )}
      </Show>
    </Section>
  );
}
