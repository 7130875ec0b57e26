import { useState } from 'react';
import { api, type Page } from '../api';
import { Pager } from '../shell/Pager';
import { Section, Show, useLoad } from '../shell/states';
import { useLive } from '../shell/live';
import type { Alert } from '../types';
import { AlertList } from './AlertList';

const PAGE_SIZE = 50;

/**
 * One patient's alerts in the chart, newest first a page at a time, to acknowledge and resolve; reloaded when a live
 * event names the patient.
 */
export function PatientAlerts({ patientId }: { patientId: string }) {
  const id = encodeURIComponent(patientId);
  const [shown, setShown] = useState({ patientId, page: 0 });
  // another patient starts at their first page, and never shows the previous patient's alerts while it loads
  const page = shown.patientId === patientId ? shown.page : 0;
  const setPage = (next: number) => setShown({ patientId, page: next });
  const [alerts, reload, refresh] = useLoad(
    () => api<Page<Alert>>(`/patients/v1/patients/${id}/alerts?page=${page}&size=${PAGE_SIZE}`),
    [id, page],
    { keep: shown.patientId === patientId },
  );
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
      <Show loaded={alerts} what="alerts" retry={reload} isEmpty={(p) => p.totalItems === 0} empty="No alerts.">
        {(result) => (
          <>
            <AlertList
              alerts={result.items}
              onChanged={(m) => {
                setMessage(m);
                refresh();
              }}
            />
            <Pager page={result} noun="alerts" label="Pages of alerts" onPage={setPage} />
          </>
        )}
      </Show>
    </Section>
  );
}
