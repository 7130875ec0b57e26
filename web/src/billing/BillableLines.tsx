import { useId, useState, type FormEvent } from 'react';
import { CONSOLE, api, type Page } from '../api';
import { useLive } from '../shell/live';
import { Pager } from '../shell/Pager';
import { Section, Show, formatDate, useLoad } from '../shell/states';
import { discipline } from '../types';
import { defaultPeriod, holdReason, type BillableLine } from './claims';
import { isBillingChange, loadDirectory } from './data';
import { lineFilterErrors, linesQuery, type LineFilters } from './workbench';
import './billing.css';

const PAGE_SIZE = 50;

/**
 * Billable lines filtered by patient, period and status, a page at a time, and the same selection as a CSV file.
 * The CSV comes from billing-service itself (GET /billable-lines.csv, billing only, this agency's lines, ids and codes
 * but no names): every line of the selection in one file, however many pages the table has.
 */
export function BillableLines() {
  const initial: LineFilters = { ...defaultPeriod(new Date()), status: '', patientId: '' };
  const [applied, setApplied] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [page, setPage] = useState(0);
  const [errors, setErrors] = useState<string[]>([]);
  const ids = { patient: useId(), from: useId(), to: useId(), status: useId() };
  const [directory] = useLoad(loadDirectory);
  const [lines, reload, refresh] = useLoad(
    () => api<Page<BillableLine>>(`/billing/v1/billable-lines?${linesQuery(applied, page, PAGE_SIZE)}`),
    [linesQuery(applied, page, PAGE_SIZE)],
    { keep: true },
  );
  useLive(refresh, isBillingChange);
  const names = directory.state === 'ready' ? directory.data : null;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const problems = lineFilterErrors(draft);
    setErrors(problems);
    if (problems.length > 0) return;
    setPage(0);
    setApplied(draft);
  };

  return (
    <>
      <h1>Billable lines</h1>
      <Section id="line-filters" title="Which lines">
        <form className="period" onSubmit={apply} noValidate>
          <label htmlFor={ids.patient}>Patient</label>
          <select id={ids.patient} value={draft.patientId} onChange={(e) => setDraft({ ...draft, patientId: e.target.value })}>
            <option value="">All patients</option>
            {names?.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.from}>First day</label>
          <input id={ids.from} type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <label htmlFor={ids.to}>Last day</label>
          <input id={ids.to} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <label htmlFor={ids.status}>Status</label>
          <select id={ids.status} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as LineFilters['status'] })}>
            <option value="">Ready and on hold</option>
            <option value="READY">Ready</option>
            <option value="ON_HOLD">On hold</option>
          </select>
          <button type="submit">Show lines</button>
          {errors.length > 0 && <p role="alert">{errors.join(' ')}</p>}
        </form>
        <p>
          <a className="button" href={`${CONSOLE}/api/billing/v1/billable-lines.csv?${linesQuery(applied)}`} download>
            Download CSV
          </a>{' '}
          <span className="muted">of the lines shown (every page), for the claims system.</span>
        </p>
      </Section>
      <Section id="lines" title="Lines">
        <Show loaded={lines} what="billable lines" retry={reload} isEmpty={(p) => p.items.length === 0} empty="No billable line matches.">
          {(result) => (
            <>
              <p className="line-count">
                {result.totalItems} {result.totalItems === 1 ? 'line' : 'lines'}.
              </p>
              <table className="billable-lines">
                <caption className="visually-hidden">Billable lines</caption>
                <thead>
                  <tr>
                    <th scope="col">Service date</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Payer</th>
                    <th scope="col">Discipline</th>
                    <th scope="col">HCPCS</th>
                    <th scope="col">Units</th>
                    <th scope="col">Status</th>
                    <th scope="col">Filing deadline</th>
                  </tr>
                </thead>
                <tbody>
                  {result.items.map((l) => (
                    <tr key={l.visitId} data-status={l.status}>
                      <td>{formatDate(l.serviceDate)}</td>
                      <td>{names ? names.patientName(l.patientId) : '…'}</td>
                      <td>{names ? names.payerName(l.payerId) : '…'}</td>
                      <td>{discipline(l.discipline)}</td>
                      <td>{l.hcpcs}</td>
                      <td>{l.units}</td>
                      <td>{l.status === 'READY' ? 'Ready' : `On hold: ${l.holdReasons.map(holdReason).join(', ')}`}</td>
                      <td>{l.filingDeadline ? formatDate(l.filingDeadline) : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Pager page={result} noun="lines" label="Pages of lines" onPage={setPage} />
            </>
          )}
        </Show>
      </Section>
    </>
  );
}
