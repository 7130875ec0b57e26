import { useState } from 'react';
import { allPages } from '../api';
import { Section, Show, useLoad } from '../shell/states';
import { useLive } from '../shell/live';
import { type Alert } from '../types';
import { apiLookups } from '../shell/liveNames';
import { AlertList } from '../alerts/AlertList';

/** Alerts not yet resolved of the physician's patients: acknowledge, resolve; reloaded on live events of a patient. */
export function AlertInbox() {
  const [alerts, reload, refresh] = useLoad(async () => {
    // every alert not yet resolved (all pages of each status): one left on a later page would never be seen
    const [open, acknowledged] = await Promise.all([
      allPages<Alert>('/patients/v1/alerts?status=OPEN', { what: 'open alerts' }),
      allPages<Alert>('/patients/v1/alerts?status=ACKNOWLEDGED', { what: 'acknowledged alerts' }),
    ]);
    // names of the alerts' own patients: the physician may have many more patients than alerts
    const ids = [...new Set([...open, ...acknowledged].map((a) => a.patientId))];
    const named = await Promise.all(ids.map(async (id) => [id, await apiLookups.patientName(id).catch(() => null)] as const));
    const names = Object.fromEntries(named.filter((entry): entry is readonly [string, string] => entry[1] !== null));
    const list = [...open, ...acknowledged].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
    return { list, names };
  });
  const [message, setMessage] = useState<string | null>(null);
  // alerts reach their owner as MESSAGE/URGENT events naming the patient
  useLive(refresh, (e) => Boolean(e.patientId) && e.kind !== 'CHANGE' && e.kind !== 'NOTICE');
  return (
    <Section id="inbox" title="Alerts not yet resolved">
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Show loaded={alerts} what="alerts" retry={reload} isEmpty={(a) => a.list.length === 0} empty="No alert is waiting for you.">
        {({ list, names }) => (
          <AlertList
            alerts={list}
            patientNames={names}
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
