import { useId, useState, type FormEvent } from 'react';
import { ApiError, allPages, api } from '../api';
import { useLive } from '../shell/live';
import { Section, Show, formatDate, useLoad } from '../shell/states';
import { isBillingChange, loadDirectory } from './data';
import { discipline } from '../types';
import {
  defaultPeriod,
  holdReason,
  holdSummary,
  patientReadiness,
  readinessText,
  type AuthorizationFact,
  type BillableLine,
  type BillingFile,
  type Readiness,
} from './claims';
import './billing.css';

/** A period's lines are many more than the agency's patients: up to this many are read (then an error says so). */
const MAX_LINES = 10_000;

/** What can be billed for a period and what holds it back: per payer (the report) and per patient (lines and file). */
export function ClaimReadiness() {
  const initial = defaultPeriod(new Date());
  const [period, setPeriod] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const fromId = useId();
  const toId = useId();
  const [data, reload, refresh] = useLoad(async () => {
    const { from, to } = period;
    // every line, patient, payer and authorization (all pages): readiness counted on part of them would mislead
    const [readiness, lines, directory, authorizations] = await Promise.all([
      api<Readiness>(`/billing/v1/reports/claim-readiness?from=${from}&to=${to}`),
      allPages<BillableLine>(`/billing/v1/billable-lines?from=${from}&to=${to}`, { cap: MAX_LINES, what: 'billable lines in this period' }),
      loadDirectory(),
      allPages<AuthorizationFact>('/billing/v1/authorizations', { what: 'authorizations' }),
    ]);
    const files: Record<string, BillingFile | null> = {};
    await Promise.all(
      directory.patients.map(async (p) => {
        files[p.id] = await api<BillingFile>(`/billing/v1/patients/${encodeURIComponent(p.id)}`).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 404) return null;
          throw e;
        });
      }),
    );
    return {
      readiness,
      lines,
      payerNames: Object.fromEntries(directory.payers.map((p) => [p.id, p.name])) as Record<string, string>,
      patientNames: Object.fromEntries(directory.patients.map((p) => [p.id, p.name])) as Record<string, string>,
      patients: patientReadiness(directory.patients.map((p) => p.id), lines, files, from, to, authorizations, discipline),
    };
  }, [period.from, period.to]);
  // a decision recorded (here, in another tab or by a colleague) or a line made ready changes what blocks a claim
  useLive(refresh, isBillingChange);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to) return setFormError('Enter both the first and the last day of the period.');
    if (draft.to < draft.from) return setFormError('The last day must not be before the first day.');
    setFormError(null);
    setPeriod(draft);
  };

  return (
    <Section id="claim-readiness" title="Claim readiness">
      <form className="period" onSubmit={apply}>
        <label htmlFor={fromId}>First day</label>
        <input id={fromId} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        <label htmlFor={toId}>Last day</label>
        <input id={toId} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <button type="submit">Show</button>
        {formError && <p role="alert">{formError}</p>}
      </form>
      <Show loaded={data} what="claim readiness" retry={reload}>
        {(d) => (
          <>
            <p>
              Visits from {formatDate(d.readiness.from)} to {formatDate(d.readiness.to)}.
            </p>
            <h3>By patient</h3>
            {d.patients.length === 0 ? (
              <p className="empty">No patients yet.</p>
            ) : (
              <table>
                <caption className="visually-hidden">Claim readiness by patient</caption>
                <thead>
                  <tr>
                    <th scope="col">Patient</th>
                    <th scope="col">Status</th>
                    <th scope="col">What blocks a claim</th>
                    <th scope="col">Earliest filing deadline</th>
                  </tr>
                </thead>
                <tbody>
                  {d.patients.map((p) => (
                    <tr key={p.patientId} data-patient={d.patientNames[p.patientId] ?? ''}>
                      <th scope="row">{d.patientNames[p.patientId] ?? 'Patient not listed'}</th>
                      <td>
                        <span className={`readiness ${p.state}`}>{readinessText(p)}</span>
                        {p.state === 'blocked' && p.readyLines > 0 && <> ({p.readyLines} ready)</>}
                      </td>
                      <td>
                        {p.fileBlockers.length === 0 && p.onHoldLines === 0 ? (
                          'Nothing'
                        ) : (
                          <ul className="blockers">
                            {p.fileBlockers.map((b) => (
                              <li key={b}>{b}</li>
                            ))}
                            {p.onHoldLines > 0 && <li>Lines on hold: {holdSummary(p.onHoldByReason)}.</li>}
                          </ul>
                        )}
                      </td>
                      <td>{p.earliestFilingDeadline ? formatDate(p.earliestFilingDeadline) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <h3>By payer</h3>
            {d.readiness.payers.length === 0 ? (
              <p className="empty">No completed visits to bill in this period.</p>
            ) : (
              <table>
                <caption className="visually-hidden">Claim readiness by payer</caption>
                <thead>
                  <tr>
                    <th scope="col">Payer</th>
                    <th scope="col">Ready</th>
                    <th scope="col">On hold</th>
                    <th scope="col">Why on hold</th>
                    <th scope="col">Earliest filing deadline</th>
                  </tr>
                </thead>
                <tbody>
                  {d.readiness.payers.map((p) => (
                    <tr key={p.payerId}>
                      <th scope="row">{d.payerNames[p.payerId] ?? (p.payerId === '(no coverage)' ? 'No coverage' : p.payerId)}</th>
                      <td>
                        {p.readyLines} lines, {p.readyUnits} units
                      </td>
                      <td>{p.onHoldLines} lines</td>
                      <td>{holdSummary(p.onHoldByReason)}</td>
                      <td>{p.earliestFilingDeadline ? formatDate(p.earliestFilingDeadline) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {d.lines.length > 0 && (
              <details className="lines">
                <summary>Billable lines ({d.lines.length})</summary>
                <table>
                  <caption className="visually-hidden">Billable lines of the period</caption>
                  <thead>
                    <tr>
                      <th scope="col">Service date</th>
                      <th scope="col">Patient</th>
                      <th scope="col">Discipline</th>
                      <th scope="col">HCPCS</th>
                      <th scope="col">Units</th>
                      <th scope="col">Status</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.lines.map((l) => (
                      <tr key={l.visitId}>
                        <td>{formatDate(l.serviceDate)}</td>
                        <td>{d.patientNames[l.patientId] ?? 'Patient not listed'}</td>
                        <td>{discipline(l.discipline)}</td>
                        <td>{l.hcpcs}</td>
                        <td>{l.units}</td>
                        <td>{l.status === 'READY' ? 'Ready' : `On hold: ${l.holdReasons.map(holdReason).join(', ')}`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            )}
          </>
        )}
      </Show>
    </Section>
  );
}
