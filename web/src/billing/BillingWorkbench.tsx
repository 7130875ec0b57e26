import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, apiVersioned } from '../api';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { humanType } from '../coordinator/dashboard';
import { discipline } from '../types';
import { idempotencyKey, loadDirectory, type Directory } from './data';
import {
  EMPTY_COVERAGE,
  PAYER_TYPES,
  coverageDraft,
  coverageErrors,
  coverageList,
  eligibilitySentence,
  type BillingFileView,
  type CoverageDraft,
  type EligibilityCheck,
} from './workbench';
import './billing.css';

/** Billing's home: the agency's payers, and one patient's coverage with its eligibility checks. */
export function BillingWorkbench() {
  const [directory, reload] = useLoad(loadDirectory);
  const [patientId, setPatientId] = useState('');
  const pickerId = useId();
  return (
    <>
      <h1>Billing workbench</h1>
      <Show loaded={directory} what="payers and patients" retry={reload}>
        {(d) => (
          <>
            <Payers directory={d} />
            <Section id="coverage" title="Coverage and eligibility">
              <p className="period">
                <label htmlFor={pickerId}>Patient</label>
                <select id={pickerId} value={patientId} onChange={(e) => setPatientId(e.target.value)}>
                  <option value="">Choose a patient…</option>
                  {d.patients.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </p>
              {patientId ? (
                <PatientCoverage key={patientId} patientId={patientId} directory={d} />
              ) : (
                <p className="empty">Choose a patient to see and record their coverage.</p>
              )}
            </Section>
          </>
        )}
      </Show>
    </>
  );
}

function Payers({ directory }: { directory: Directory }) {
  return (
    <Section id="payers" title="Payers">
      {directory.payers.length === 0 ? (
        <p className="empty">No payer yet.</p>
      ) : (
        <table>
          <caption className="visually-hidden">Payers of the agency</caption>
          <thead>
            <tr>
              <th scope="col">Payer</th>
              <th scope="col">Kind</th>
              <th scope="col">Payer id</th>
              <th scope="col">Prior authorization for</th>
              <th scope="col">Counts</th>
              <th scope="col">Timely filing</th>
            </tr>
          </thead>
          <tbody>
            {directory.payers.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.name}</th>
                <td>{PAYER_TYPES[p.type] ?? humanType(p.type)}</td>
                <td>{p.payerCode}</td>
                <td>{p.priorAuthorization.length === 0 ? 'Nothing' : [...p.priorAuthorization].sort().map(discipline).join(', ')}</td>
                <td>{p.unit === 'VISIT' ? 'Per visit' : 'Per 15 minutes'}</td>
                <td>{p.timelyFilingDays} days</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

function PatientCoverage({ patientId, directory }: { patientId: string; directory: Directory }) {
  const path = `/billing/v1/patients/${encodeURIComponent(patientId)}`;
  const [file, reload, refresh] = useLoad(async () => {
    const [versioned, checks] = await Promise.all([
      apiVersioned<BillingFileView>(path),
      api<EligibilityCheck[]>(`${path}/eligibility-checks`),
    ]);
    return { file: versioned.body, etag: versioned.etag, checks };
  }, [path]);
  const [editing, setEditing] = useState<{ id: string | null; draft: CoverageDraft } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const name = directory.patientName(patientId);

  const check = async (coverageId: string) => {
    setChecking(coverageId);
    setMessage(null);
    try {
      const result = await api<EligibilityCheck>(`${path}/eligibility-checks`, {
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey() },
        body: JSON.stringify({ coverageId }),
      });
      setMessage(`Eligibility with ${directory.payerName(result.payerId)}: ${eligibilitySentence(result)}`);
      refresh();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The check did not work. Please try again.');
    } finally {
      setChecking(null);
    }
  };

  if (file.state === 'error' && file.status === 404) {
    return <p className="empty">Billing has no file for {name} yet: the admission has not reached billing.</p>;
  }
  return (
    <Show loaded={file} what={`the coverage of ${name}`} retry={reload}>
      {({ file: f, etag, checks }) => {
        const latest = (coverageId: string) => checks.find((c) => c.coverageId === coverageId);
        return (
          <>
            {message && (
              <p role="status" className="notice">
                {message}
              </p>
            )}
            <h3>Coverage of {name}</h3>
            {f.coverages.length === 0 ? (
              <p className="empty">No coverage is recorded for {name}.</p>
            ) : (
              <table>
                <caption className="visually-hidden">Coverage of {name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Payer</th>
                    <th scope="col">Member id</th>
                    <th scope="col">Plan</th>
                    <th scope="col">Order</th>
                    <th scope="col">Dates</th>
                    <th scope="col">Latest eligibility</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {f.coverages.map((c) => {
                    const last = latest(c.id);
                    const payer = directory.payerName(c.payerId);
                    return (
                      <tr key={c.id} data-member={c.memberId}>
                        <th scope="row">{payer}</th>
                        <td>{c.memberId}</td>
                        <td>{c.plan ?? '—'}</td>
                        <td>{humanType(c.priority)}</td>
                        <td>
                          {formatDate(c.from)} – {c.to ? formatDate(c.to) : 'open'}
                        </td>
                        <td className="eligibility">{last ? `${eligibilitySentence(last)} Checked ${formatDateTime(last.checkedAt)}.` : 'Not checked yet.'}</td>
                        <td className="actions">
                          <button type="button" disabled={checking !== null} onClick={() => check(c.id)} aria-label={`Check eligibility of ${payer} member ${c.memberId}`}>
                            {checking === c.id ? 'Checking…' : 'Check eligibility'}
                          </button>{' '}
                          <button type="button" className="link" onClick={() => setEditing({ id: c.id, draft: coverageDraft(c) })} aria-label={`Edit coverage ${payer} member ${c.memberId}`}>
                            Edit
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
            {editing ? (
              <CoverageForm
                directory={directory}
                initial={editing.draft}
                replacing={editing.id}
                onCancel={() => setEditing(null)}
                onSave={async (draft) => {
                  await api<BillingFileView>(`${path}/coverage`, {
                    method: 'PUT',
                    headers: { 'If-Match': etag },
                    body: JSON.stringify(coverageList(f.coverages, draft, editing.id)),
                  });
                  setEditing(null);
                  setMessage(`Coverage with ${directory.payerName(draft.payerId)} (member ${draft.memberId.trim()}) saved for ${name}.`);
                  refresh();
                }}
              />
            ) : (
              <p>
                <button type="button" onClick={() => setEditing({ id: null, draft: EMPTY_COVERAGE })}>
                  Add a coverage
                </button>
              </p>
            )}
            <h3>Eligibility checks</h3>
            {checks.length === 0 ? (
              <p className="empty">No eligibility check yet.</p>
            ) : (
              <ul className="list checks">
                {checks.slice(0, 10).map((c) => (
                  <li key={c.id}>
                    {formatDateTime(c.checkedAt)} · {directory.payerName(c.payerId)}: {eligibilitySentence(c)}
                  </li>
                ))}
              </ul>
            )}
          </>
        );
      }}
    </Show>
  );
}

function CoverageForm({
  directory,
  initial,
  replacing,
  onSave,
  onCancel,
}: {
  directory: Directory;
  initial: CoverageDraft;
  replacing: string | null;
  onSave: (draft: CoverageDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const ids = { payer: useId(), member: useId(), plan: useId(), priority: useId(), from: useId(), to: useId(), title: useId() };
  const set = (change: Partial<CoverageDraft>) => setDraft({ ...draft, ...change });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = coverageErrors(draft);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await onSave(draft);
    } catch (e) {
      setErrors([e instanceof ApiError ? e.message : 'The coverage could not be saved. Please try again.']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="coverage-form" onSubmit={submit} aria-labelledby={ids.title} noValidate>
      <h3 id={ids.title}>{replacing ? 'Edit the coverage' : 'Add a coverage'}</h3>
      <div className="fields">
        <label htmlFor={ids.payer}>Payer</label>
        <select id={ids.payer} value={draft.payerId} onChange={(e) => set({ payerId: e.target.value })}>
          <option value="">Choose…</option>
          {directory.payers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.member}>Member id</label>
        <input id={ids.member} value={draft.memberId} onChange={(e) => set({ memberId: e.target.value })} autoComplete="off" />
        <label htmlFor={ids.plan}>Plan</label>
        <input id={ids.plan} value={draft.plan} onChange={(e) => set({ plan: e.target.value })} />
        <label htmlFor={ids.priority}>Order</label>
        <select id={ids.priority} value={draft.priority} onChange={(e) => set({ priority: e.target.value as CoverageDraft['priority'] })}>
          <option value="PRIMARY">Primary</option>
          <option value="SECONDARY">Secondary</option>
        </select>
        <label htmlFor={ids.from}>Covered from</label>
        <input id={ids.from} type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
        <label htmlFor={ids.to}>Covered until (empty: open)</label>
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
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save coverage'}
        </button>{' '}
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </p>
    </form>
  );
}
