import { useState } from 'react';
import { allPages } from '../api';
import { Link } from '../shell/router';
import { useLive } from '../shell/live';
import { Section, Show, useLoad } from '../shell/states';
import { SEVERITIES, humanType } from '../coordinator/dashboard';
import type { Alert } from '../types';
import { patientNames } from '../patients/names';
import { AlertList } from './AlertList';

/**
 * The agency's open alerts, where the dashboard's counters lead: all of them, or one severity (/alerts/critical).
 * Acknowledge or resolve here; the list reloads when an alert arrives live.
 */
export function OpenAlerts({ severity }: { severity?: string }) {
  const wanted = SEVERITIES.find((s) => s.toLowerCase() === severity?.toLowerCase());
  const [alerts, reload, refresh] = useLoad(async () => {
    // every open alert (all pages; the endpoint filters by status, not severity) and every patient's name
    const [open, names] = await Promise.all([allPages<Alert>('/patients/v1/alerts?status=OPEN', { what: 'open alerts' }), patientNames()]);
    const list = open
      .filter((a) => !wanted || a.severity === wanted)
      .sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
    return { list, names: Object.fromEntries(names) };
  }, [wanted]);
  const [message, setMessage] = useState<string | null>(null);
  useLive(refresh, (e) => Boolean(e.patientId) && e.kind !== 'CHANGE');
  const title = wanted ? `Open ${humanType(wanted).toLowerCase()} alerts` : 'Open alerts';
  return (
    <>
      <h1>{title}</h1>
      <nav aria-label="Alerts by severity">
        <ul className="severity-filter">
          <li>
            <Link to="/alerts" aria-current={!wanted ? 'page' : undefined}>
              All
            </Link>
          </li>
          {SEVERITIES.map((s) => (
            <li key={s}>
              <Link to={`/alerts/${s.toLowerCase()}`} aria-current={wanted === s ? 'page' : undefined}>
                {humanType(s)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Section id="open-alerts" title={title}>
        {message && (
          <p role="status" className="notice">
            {message}
          </p>
        )}
        <Show loaded={alerts} what="alerts" retry={reload} isEmpty={(a) => a.list.length === 0} empty="No open alert.">
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
    </>
  );
}
