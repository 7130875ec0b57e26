import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, post, type Page } from '../api';
import type { Persona } from '../access';
import { useLive } from '../shell/live';
import { Pager } from '../shell/Pager';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { discipline } from '../types';
import { ClaimReadiness } from './ClaimReadiness';
import { idempotencyKey, isBillingChange, loadDirectory, type Directory } from './data';
import {
  STATUS_TEXT,
  decisionBody,
  decisionDue,
  nextActions,
  unitsText,
  type Authorization,
  type DecisionDraft,
} from './workbench';
import './billing.css';

const PAGE_SIZE = 50;

/**
 * Prior authorizations of every patient: billing submits a draft, records the payer's decision (approved with units,
 * partially approved, denied with the reason), appeals or resubmits a denial, and requests one by hand; coordinators
 * read. Below, claim readiness, which counts unsettled authorizations as blocking.
 */
export function Authorizations({ persona = 'billing' }: { persona?: Persona }) {
  const billing = persona === 'billing';
  const [only, setOnly] = useState('');
  const [page, setPage] = useState(0);
  // names of every patient and payer (all pages); the authorizations a page at a time, one patient's by the server
  const [directory, reloadDirectory] = useLoad(loadDirectory);
  const [list, reloadList, refresh] = useLoad(
    () => api<Page<Authorization>>(`/billing/v1/authorizations?${only ? `patientId=${encodeURIComponent(only)}&` : ''}page=${page}&size=${PAGE_SIZE}`),
    [only, page],
    { keep: true },
  );
  const [message, setMessage] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<string | null>(null);
  const filterId = useId();
  // another clerk (or another tab) submitted or decided something, or the payer's deadline passed: reload quietly
  useLive(refresh, isBillingChange);

  const act = async (what: string, call: () => Promise<Authorization>, done: (next: Authorization) => string) => {
    setMessage(null);
    try {
      const next = await call();
      setMessage(done(next));
      refresh();
    } catch (e) {
      setMessage(`${what}: ${e instanceof Error ? e.message : 'that did not work.'}`);
    }
  };

  return (
    <>
      <h1>Prior authorizations</h1>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      <Show loaded={directory} what="patients and payers" retry={reloadDirectory}>
        {(directory) => {
          const who = (a: Authorization) => `the ${discipline(a.discipline)} authorization of ${directory.patientName(a.patientId)}`;
          const items = list.state === 'ready' ? list.data.items : [];
          return (
            <>
              <p className="period">
                <label htmlFor={filterId}>Patient</label>
                <select
                  id={filterId}
                  value={only}
                  onChange={(e) => {
                    setOnly(e.target.value);
                    setPage(0);
                  }}
                >
                  <option value="">All patients</option>
                  {directory.patients.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </p>
              <Show loaded={list} what="authorizations" retry={reloadList} isEmpty={(p) => p.totalItems === 0} empty={only ? 'No authorizations for this patient.' : 'No authorizations yet.'}>
                {(result) => (
                  <>
                    <table className="authorizations">
                      <caption className="visually-hidden">Prior authorizations</caption>
                      <thead>
                        <tr>
                          <th scope="col">Patient</th>
                          <th scope="col">Discipline</th>
                          <th scope="col">Payer</th>
                          <th scope="col">Status</th>
                          <th scope="col">Units</th>
                          <th scope="col">Dates</th>
                          <th scope="col">Decision due</th>
                          {billing && <th scope="col">Next step</th>}
                        </tr>
                      </thead>
                      <tbody>
                        {result.items.map((a) => {
                          const due = decisionDue(a, new Date());
                          return (
                            <tr key={a.id} data-id={a.id} data-patient={directory.patientName(a.patientId)} data-discipline={a.discipline} data-status={a.status} data-to={a.to}>
                              <th scope="row">{directory.patientName(a.patientId)}</th>
                              <td>{discipline(a.discipline)}</td>
                              <td>{directory.payerName(a.payerId)}</td>
                              <td className="status">
                                {STATUS_TEXT[a.status] ?? a.status}
                                {a.denialReason && <> ({a.denialReason})</>}
                              </td>
                              <td>{unitsText(a)}</td>
                              <td>
                                {formatDate(a.from)} – {formatDate(a.to)}
                              </td>
                              <td>
                                {due ? (
                                <>
                                    {formatDateTime(due.due)}
                                    {due.overdue && <strong className="overdue"> Overdue</strong>}
                                </>
                                ) : (
                                  '—'
                                )}
                              </td>
                              {billing && (
                                <td className="actions">
                                  {nextActions(a.status).map((action) => {
                                    const base = `/billing/v1/authorizations/${encodeURIComponent(a.id)}`;
                                    switch (action) {
                                      case 'submit':
                                      case 'resubmit':
                                        return (
                                          <button
                                            key={action}
                                            type="button"
                                            aria-label={`${action === 'submit' ? 'Submit' : 'Submit again'} ${who(a)}`}
                                            onClick={() =>
                                              act('Not submitted', () => post<Authorization>(`${base}/submission`, { expedited: false }), (n) =>
                                                `Submitted ${who(n)} to ${directory.payerName(n.payerId)}; the decision is due ${formatDateTime(n.decisionDueAt)}.`,
                                              )
                                            }
                                          >
                                            {action === 'submit' ? 'Submit' : 'Submit again'}
                                          </button>
                                        );
                                      case 'appeal':
                                        return (
                                          <button
                                            key={action}
                                            type="button"
                                            aria-label={`Appeal ${who(a)}`}
                                            onClick={() => act('Not appealed', () => post<Authorization>(`${base}/appeal`), (n) => `Appealed ${who(n)}; the decision is due ${formatDateTime(n.decisionDueAt)}.`)}
                                          >
                                            Appeal
                                          </button>
                                        );
                                      default:
                                        return (
                                          <button key={action} type="button" aria-label={`Record the decision on ${who(a)}`} aria-expanded={deciding === a.id} onClick={() => setDeciding(deciding === a.id ? null : a.id)}>
                                            Record decision
                                          </button>
                                        );
                                    }
                                  })}
                                </td>
                              )}
                            </tr>
                          );
                        })}
                      </tbody>
                    </table>
                    <Pager page={result} noun="authorizations" label="Pages of authorizations" onPage={setPage} />
                  </>
                )}
              </Show>
              {billing &&
                (() => {
                  const open = items.find((a) => a.id === deciding && nextActions(a.status).includes('decide'));
                  return open ? (
                    <DecisionForm
                      key={open.id}
                      authorization={open}
                      title={`Decision on ${who(open)}`}
                      onCancel={() => setDeciding(null)}
                      onDecided={(n) => {
                        setDeciding(null);
                        setMessage(`Recorded the payer's decision on ${who(n)}: ${(STATUS_TEXT[n.status] ?? n.status).toLowerCase()}${n.approvedUnits ? `, ${n.approvedUnits} units` : ''}.`);
                        refresh();
                      }}
                    />
                  ) : null;
                })()}
              {billing && <RequestForm directory={directory} onCreated={(n) => { setMessage(`Drafted ${who(n)}; submit it when ready.`); refresh(); }} />}
            </>
          );
        }}
      </Show>
      <ClaimReadiness />
    </>
  );
}

function DecisionForm({
  authorization: a,
  title,
  onDecided,
  onCancel,
}: {
  authorization: Authorization;
  title: string;
  onDecided: (next: Authorization) => void;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<DecisionDraft>({ decision: 'APPROVED', approvedUnits: String(a.requestedUnits), reason: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const ids = { title: useId(), decision: useId(), units: useId(), reason: useId() };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = decisionBody(draft, a.requestedUnits);
    setErrors(checked.errors);
    if (!checked.body) return;
    try {
      onDecided(await post<Authorization>(`/billing/v1/authorizations/${encodeURIComponent(a.id)}/decision`, checked.body));
    } catch (e) {
      setErrors([e instanceof Error ? e.message : 'The decision could not be recorded.']);
    }
  };
  return (
    <section className="card decision" aria-labelledby={ids.title}>
      <h2 id={ids.title}>{title}</h2>
      <form onSubmit={submit} noValidate>
        <div className="fields">
          <label htmlFor={ids.decision}>The payer</label>
          <select id={ids.decision} value={draft.decision} onChange={(e) => setDraft({ ...draft, decision: e.target.value as DecisionDraft['decision'] })}>
            <option value="APPROVED">approved</option>
            <option value="PARTIALLY_APPROVED">approved fewer units</option>
            <option value="DENIED">denied</option>
          </select>
          {draft.decision === 'DENIED' ? (
            <>
              <label htmlFor={ids.reason}>Payer's reason</label>
              <input id={ids.reason} value={draft.reason} maxLength={200} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
            </>
          ) : (
            <>
              <label htmlFor={ids.units}>Approved units (requested {a.requestedUnits})</label>
              <input id={ids.units} type="number" min={1} value={draft.approvedUnits} onChange={(e) => setDraft({ ...draft, approvedUnits: e.target.value })} />
            </>
          )}
        </div>
        {errors.length > 0 && (
          <div role="alert" className="error">
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        )}
        <p>
          <button type="submit">Record the decision</button>{' '}
          <button type="button" className="link" onClick={onCancel}>
            Cancel
          </button>
        </p>
      </form>
    </section>
  );
}

/** The plan-of-care disciplines billing-service authorizes. */
const BILLED_DISCIPLINES = ['SN', 'PT', 'OT', 'ST', 'MSW', 'HHA', 'RD'];

function RequestForm({ directory, onCreated }: { directory: Directory; onCreated: (a: Authorization) => void }) {
  const empty = { patientId: '', payerId: '', discipline: 'SN', requestedUnits: '', from: '', to: '' };
  const [draft, setDraft] = useState(empty);
  const [errors, setErrors] = useState<string[]>([]);
  const ids = { patient: useId(), payer: useId(), discipline: useId(), units: useId(), from: useId(), to: useId() };
  const set = (change: Partial<typeof draft>) => setDraft({ ...draft, ...change });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: string[] = [];
    if (!draft.patientId) problems.push('Choose the patient.');
    if (!draft.payerId) problems.push('Choose the payer.');
    const units = Number(draft.requestedUnits);
    if (!Number.isInteger(units) || units < 1) problems.push('Enter the requested units: a whole number of at least 1.');
    if (!draft.from || !draft.to) problems.push('Enter the first and the last day.');
    else if (draft.to < draft.from) problems.push('The last day must not be before the first day.');
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      const created = await api<Authorization>('/billing/v1/authorizations', {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: JSON.stringify({ ...draft, requestedUnits: units }),
      });
      setDraft(empty);
      onCreated(created);
    } catch (e) {
      setErrors([e instanceof ApiError ? e.message : 'The request could not be drafted.']);
    }
  };
  return (
    <Section id="new-authorization" title="Request an authorization">
      <form onSubmit={submit} noValidate>
        <div className="fields">
          <label htmlFor={ids.patient}>Patient</label>
          <select id={ids.patient} value={draft.patientId} onChange={(e) => set({ patientId: e.target.value })}>
            <option value="">Choose…</option>
            {directory.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.payer}>Payer</label>
          <select id={ids.payer} value={draft.payerId} onChange={(e) => set({ payerId: e.target.value })}>
            <option value="">Choose…</option>
            {directory.payers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.discipline}>Discipline</label>
          <select id={ids.discipline} value={draft.discipline} onChange={(e) => set({ discipline: e.target.value })}>
            {BILLED_DISCIPLINES.map((code) => (
              <option key={code} value={code}>
                {discipline(code)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.units}>Units requested</label>
          <input id={ids.units} type="number" min={1} value={draft.requestedUnits} onChange={(e) => set({ requestedUnits: e.target.value })} />
          <label htmlFor={ids.from}>First day</label>
          <input id={ids.from} type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
          <label htmlFor={ids.to}>Last day</label>
          <input id={ids.to} type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
        </div>
        {errors.length > 0 && (
          <div role="alert" className="error">
            {errors.map((e) => (
              <p key={e}>{e}</p>
            ))}
          </div>
        )}
        <p>
          <button type="submit">Draft the request</button>
        </p>
      </form>
    </Section>
  );
}
