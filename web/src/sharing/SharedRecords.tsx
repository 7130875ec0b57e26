import { api } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { PART_WORDS, type Part, type SharedRecord } from './sharing';

/** Records other agencies share with mine now, each with the parts shared and until when. */
export function SharedRecords() {
  const [records, reload] = useLoad(() => api<SharedRecord[]>('/patients/v1/shared-records'));
  return (
    <>
      <h1>Shared with us</h1>
      <p className="lead">Patients of other agencies who consented to share parts of their record with your agency.</p>
      <Show loaded={records} what="the shared records" retry={reload} isEmpty={(l) => l.length === 0} empty="No other agency shares a record with you now.">
        {(list) => (
          <ul className="list" aria-label="Shared records">
            {list.map((r) => (
              <li key={r.grantId}>
                <Link to={`/shared-records/${encodeURIComponent(r.grantId)}`}>
                  {r.givenName} {r.familyName}
                </Link>{' '}
                from {r.fromAgency}: {r.parts.map((p) => PART_WORDS[p]).join(', ')}, until {formatDate(r.until)}
              </li>
            ))}
          </ul>
        )}
      </Show>
    </>
  );
}

interface PlanSummary {
  version: number;
  signedAt: string;
  frequency: string;
  problems: { description: string; goals: { description: string; measure: string; targetDate: string }[] }[];
  interventions: string[];
  diet: string[];
}

interface Medications {
  medications: { name: string; dose: string; route: string; times: string[] }[];
}

interface Reading {
  vital: string;
  value: number;
  unit: string;
  observedAt: string;
}

/** One shared record: exactly the parts the patient shared; when the sharing ends, the page says it is not found. */
export function SharedRecordPage({ grantId }: { grantId: string }) {
  const base = `/patients/v1/shared-records/${encodeURIComponent(grantId)}`;
  const [record, reload] = useLoad(() => api<SharedRecord>(base), [base]);
  if (record.state === 'error' && record.status === 404) {
    return (
      <div role="alert" className="not-found">
        <h1>Shared record not found</h1>
        <p>
          This record is not shared with your agency, or no longer. <Link to="/shared-records">Go to the shared records</Link>.
        </p>
      </div>
    );
  }
  return (
    <>
      <p>
        <Link to="/shared-records">← Shared with us</Link>
      </p>
      <Show loaded={record} what="the shared record" retry={reload}>
        {(r) => (
          <>
            <h1>
              {r.givenName} {r.familyName}
            </h1>
            <p className="lead">
              Shared by {r.fromAgency} until {formatDate(r.until)}: {r.parts.map((p) => PART_WORDS[p]).join(', ')}. Born {formatDate(r.birthDate)}.
            </p>
            <div className="grid">
              {r.parts.includes('PLAN_SUMMARY') && <SharedPart<PlanSummary> base={base} part="PLAN_SUMMARY" path="plan-summary" render={planSummary} />}
              {r.parts.includes('MEDICATIONS') && <SharedPart<Medications> base={base} part="MEDICATIONS" path="medications" render={medications} />}
              {r.parts.includes('VITALS') && <SharedPart<Reading[]> base={base} part="VITALS" path="vitals" render={vitals} />}
            </div>
          </>
        )}
      </Show>
    </>
  );
}

function SharedPart<T>({ base, part, path, render }: { base: string; part: Part; path: string; render: (data: T) => React.ReactNode }) {
  const [loaded, reload] = useLoad(() => api<T>(`${base}/${path}`), [base, path]);
  return (
    <Section id={`shared-${path}`} title={PART_WORDS[part]}>
      <Show loaded={loaded} what={PART_WORDS[part].toLowerCase()} retry={reload}>
        {render}
      </Show>
    </Section>
  );
}

function planSummary(p: PlanSummary) {
  return (
    <>
      <p>
        Version {p.version}, signed {formatDateTime(p.signedAt)}. Visits: <strong>{p.frequency}</strong>
      </p>
      <ul className="list">
        {p.problems.map((problem) => (
          <li key={problem.description}>
            {problem.description}: {problem.goals.map((g) => g.description).join('; ')}
          </li>
        ))}
      </ul>
      {p.interventions.length > 0 && <p>Interventions: {p.interventions.join('; ')}</p>}
      {p.diet.length > 0 && <p>Diet: {p.diet.join('; ')}</p>}
    </>
  );
}

function medications(m: Medications) {
  if (m.medications.length === 0) return <p className="empty">No medication in the plan.</p>;
  return (
    <ul className="list">
      {m.medications.map((med) => (
        <li key={med.name + med.dose}>
          {med.name} {med.dose}, {med.route.toLowerCase()}, at {med.times.join(', ')}
        </li>
      ))}
    </ul>
  );
}

function vitals(readings: Reading[]) {
  if (readings.length === 0) return <p className="empty">No reading in the last 30 days.</p>;
  return (
    <ul className="list">
      {readings.map((r) => (
        <li key={r.observedAt + r.vital}>
          {formatDateTime(r.observedAt)}: {r.vital.toLowerCase().replace(/_/g, ' ')} {r.value} {r.unit}
        </li>
      ))}
    </ul>
  );
}
