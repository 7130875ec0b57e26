// Claim readiness as billing-service reports it (BillingTrailController: GET /billing/v1/reports/claim-readiness per
// payer, GET /billing/v1/billable-lines per visit) and the billing file of each patient (signed plan, coverage),
// turned into what is ready and what blocks a claim, per payer and per patient. Pure functions.
// A prior authorization that is still a draft, waits for the payer's decision or was denied blocks the claims of its
// discipline in its dates, even before any visit is completed: the lines alone (the payer report) cannot show that.

export type HoldReason = 'NO_COVERAGE' | 'UNSIGNED_PLAN' | 'AUTHORIZATION_MISSING' | 'AUTHORIZATION_EXHAUSTED' | 'EVV_EXCEPTION';

export interface PayerReadiness {
  payerId: string;
  readyLines: number;
  readyUnits: number;
  onHoldLines: number;
  onHoldByReason: Partial<Record<HoldReason, number>>;
  earliestFilingDeadline?: string | null;
}

export interface Readiness {
  from: string;
  to: string;
  payers: PayerReadiness[];
}

export interface BillableLine {
  visitId: string;
  patientId: string;
  payerId?: string | null;
  discipline: string;
  hcpcs: string;
  serviceDate: string;
  units: number;
  authorizationId?: string | null;
  status: 'READY' | 'ON_HOLD';
  holdReasons: HoldReason[];
  filingDeadline?: string | null;
}

/** GET /billing/v1/patients/{id}: what billing knows of the patient (404 before the admission reached billing). */
export interface BillingFile {
  patientId: string;
  startOfCare?: string | null;
  signedPlanVersion?: number | null;
  coverages: { id: string; payerId: string; priority: string; from: string; to?: string | null }[];
}

export const HOLD_REASONS: Record<HoldReason, string> = {
  NO_COVERAGE: 'no coverage on the service date',
  UNSIGNED_PLAN: 'plan of care not signed',
  AUTHORIZATION_MISSING: 'prior authorization missing',
  AUTHORIZATION_EXHAUSTED: 'authorized units used up',
  EVV_EXCEPTION: 'visit verification (EVV) exception',
};

export function holdReason(reason: string): string {
  return HOLD_REASONS[reason as HoldReason] ?? reason.replace(/_/g, ' ').toLowerCase();
}

function lines(n: number): string {
  return `${n} ${n === 1 ? 'line' : 'lines'}`;
}

/** "plan of care not signed (2 lines); prior authorization missing (1 line)", most frequent first. */
export function holdSummary(byReason: Partial<Record<string, number>>): string {
  const entries = Object.entries(byReason).filter(([, n]) => (n ?? 0) > 0) as [string, number][];
  if (entries.length === 0) return 'Nothing on hold';
  return entries
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([reason, n]) => `${holdReason(reason)} (${lines(n)})`)
    .join('; ');
}

export interface PatientReadiness {
  patientId: string;
  readyLines: number;
  readyUnits: number;
  onHoldLines: number;
  onHoldByReason: Partial<Record<HoldReason, number>>;
  /** What stands in the way of any claim for this patient, as sentences (from the billing file). */
  fileBlockers: string[];
  earliestFilingDeadline: string | null;
  /** "ready", "blocked" (lines on hold or the file is incomplete) or "nothing to bill". */
  state: 'ready' | 'blocked' | 'nothing';
}

/** What the patient's billing file lacks for a claim; `undefined` file means billing has none yet. */
export function fileBlockers(file: BillingFile | null | undefined, from: string, to: string): string[] {
  if (!file) return ['Billing has no file for this patient yet (the admission has not reached billing).'];
  const blockers: string[] = [];
  if (file.signedPlanVersion == null) blockers.push('No plan of care has been signed yet.');
  const covered = file.coverages.some((c) => c.from <= to && (c.to == null || c.to >= from));
  if (!covered) blockers.push('No coverage is recorded for this period.');
  return blockers;
}

/** What a prior authorization needs of billing or of the payer before it authorizes anything. */
export interface AuthorizationFact {
  patientId: string;
  discipline: string;
  status: string;
  from: string;
  to: string;
}

const UNSETTLED: Record<string, string> = {
  DRAFT: 'is a draft: submit it to the payer',
  PENDING: "waits for the payer's decision",
  APPEALED: "is appealed and waits for the payer's decision",
  DENIED: 'was denied: appeal it or submit it again',
};

/**
 * The patient's authorizations overlapping the period that authorize nothing yet (draft, pending, appealed, or
 * denied with no approval of the same discipline overlapping it), as sentences naming the discipline.
 */
export function authorizationBlockers(authorizations: AuthorizationFact[], from: string, to: string, name: (code: string) => string = (c) => c): string[] {
  const inPeriod = authorizations.filter((a) => a.from <= to && a.to >= from);
  const approved = inPeriod.filter((a) => a.status === 'APPROVED' || a.status === 'PARTIALLY_APPROVED');
  return inPeriod
    .filter((a) => a.status in UNSETTLED)
    .filter((a) => a.status !== 'DENIED' || !approved.some((b) => b.discipline === a.discipline && b.from <= a.to && b.to >= a.from))
    .map((a) => `The ${name(a.discipline)} authorization ${UNSETTLED[a.status]}.`);
}

/** Lines grouped per patient with the file's and the authorizations' blockers; patients without lines keep theirs. */
export function patientReadiness(
  patientIds: string[],
  allLines: BillableLine[],
  files: Record<string, BillingFile | null>,
  from: string,
  to: string,
  authorizations: AuthorizationFact[] = [],
  name?: (code: string) => string,
): PatientReadiness[] {
  const ids = [...new Set([...patientIds, ...allLines.map((l) => l.patientId)])];
  return ids.map((patientId) => {
    const mine = allLines.filter((l) => l.patientId === patientId);
    const ready = mine.filter((l) => l.status === 'READY');
    const held = mine.filter((l) => l.status === 'ON_HOLD');
    const byReason: Partial<Record<HoldReason, number>> = {};
    for (const line of held) for (const r of line.holdReasons) byReason[r] = (byReason[r] ?? 0) + 1;
    const deadlines = ready.map((l) => l.filingDeadline).filter((d): d is string => Boolean(d)).sort();
    const blockers = [
      ...fileBlockers(files[patientId], from, to),
      ...authorizationBlockers(authorizations.filter((a) => a.patientId === patientId), from, to, name),
    ];
    const state: PatientReadiness['state'] = held.length > 0 || (blockers.length > 0 && mine.length > 0)
      ? 'blocked'
      : ready.length > 0
        ? 'ready'
        : blockers.length > 0
          ? 'blocked'
          : 'nothing';
    return {
      patientId,
      readyLines: ready.length,
      readyUnits: ready.reduce((sum, l) => sum + l.units, 0),
      onHoldLines: held.length,
      onHoldByReason: byReason,
      fileBlockers: blockers,
      earliestFilingDeadline: deadlines[0] ?? null,
      state,
    };
  });
}

export function readinessText(p: PatientReadiness): string {
  switch (p.state) {
    case 'ready':
      return `Ready: ${lines(p.readyLines)}, ${p.readyUnits} ${p.readyUnits === 1 ? 'unit' : 'units'}`;
    case 'blocked':
      return p.onHoldLines > 0 ? `Blocked: ${lines(p.onHoldLines)} on hold` : 'Blocked';
    default:
      return 'Nothing to bill in this period';
  }
}

/** The last 90 days up to today, as ISO dates. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 89);
  return { from: iso(from), to: iso(today) };
}
