import { api, type Page } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDate, formatDateTime, formatTime, useLoad } from '../shell/states';
import { PART_WORDS, visitSummary, type Part, type SharedRecord, type SharedVisit } from './sharing';

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

/** How many shared visits the page shows (the service pages them; the first page is the next weeks). */
const VISITS_SHOWN = 50;

/**
 * One shared record: exactly the parts the patient shared; when the sharing ends, the page says it is not found.
 * Visits come from scheduling-service, which checks the same grant; the other parts from patient-service.
 */
export function SharedRecordPage({ grantId }: { grantId: string }) {
  const base = `/patients/v1/shared-records/${encodeURIComponent(grantId)}`;
  const visitsUrl = `/scheduling/v1/shared-records/${encodeURIComponent(grantId)}/visits?size=${VISITS_SHOWN}`;
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
              {r.parts.includes('PLAN_SUMMARY') && <SharedPart<PlanSummary> url={`${base}/plan-summary`} part="PLAN_SUMMARY" render={planSummary} />}
              {r.parts.includes('MEDICATIONS') && <SharedPart<Medications> url={`${base}/medications`} part="MEDICATIONS" render={medications} />}
              {r.parts.includes('VITALS') && <SharedPart<Reading[]> url={`${base}/vitals`} part="VITALS" render={vitals} />}
              {r.parts.includes('VISITS') && <SharedPart<Page<SharedVisit>> url={visitsUrl} part="VISITS" render={visits} />}
            </div>
          </>
        )}
      </Show>
    </>
  );
}

function SharedPart<T>({ url, part, render }: { url: string; part: Part; render: (data: T) => React.ReactNode }) {
  const [loaded, reload] = useLoad(() => api<T>(url), [url]);
  return (
    <Section id={`shared-${part.toLowerCase().replace(/_/g, '-')}`} title={PART_WORDS[part]}>
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

function visits(page: Page<SharedVisit>) {
  if (page.items.length === 0) return <p className="empty">No visit from today on.</p>;
  return (
    <>
      <ul className="list" aria-label="Shared visits">
        {page.items.map((v, i) => (
          <li key={`${v.start ?? v.earliest}-${v.discipline}-${i}`}>
            {v.start ? `${formatDateTime(v.start)}–${formatTime(v.end)}` : `due ${formatDate(v.earliest)} to ${formatDate(v.latest)}`}: {visitSummary(v)}
          </li>
        ))}
      </ul>
      {page.totalItems > page.items.length && (
        <p className="hint">
          The first {page.items.length} of {page.totalItems} visits.
        </p>
      )}
    </>
  );
}
