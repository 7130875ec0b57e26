// The billing workbench's rules, as pure functions: what billing-service answers (payers, coverage, eligibility
// checks, prior authorizations, billable lines) turned into sentences, the next step of each authorization, the
// request bodies billing-service expects and the filters of the billable lines (also for the CSV download).
import type { PriorAuthorization } from '../types';

export interface Payer {
  id: string;
  name: string;
  type: 'MEDICARE' | 'MEDICAID' | 'COMMERCIAL';
  payerCode: string;
  priorAuthorization: string[];
  unit: 'VISIT' | 'UNIT_15_MINUTES';
  timelyFilingDays: number;
}

export interface Coverage {
  id: string;
  payerId: string;
  memberId: string;
  plan?: string | null;
  priority: 'PRIMARY' | 'SECONDARY';
  from: string;
  to?: string | null;
}

/** GET /billing/v1/patients/{id} */
export interface BillingFileView {
  patientId: string;
  startOfCare?: string | null;
  signedPlanVersion?: number | null;
  coverages: Coverage[];
}

export type EligibilityStatus = 'ACTIVE' | 'INACTIVE' | 'NOT_FOUND' | 'ERROR' | 'TIMEOUT';

export interface EligibilityCheck {
  id: string;
  coverageId: string;
  payerId: string;
  status: EligibilityStatus;
  attempts: number;
  payerReference?: string | null;
  checkedAt: string;
}

/** Billing-service's whole authorization (the shared type has what the coordinator's pages use). */
export interface Authorization extends PriorAuthorization {
  payerId: string;
  coverageId: string;
  unit: 'VISIT' | 'UNIT_15_MINUTES';
  expedited: boolean;
  payerReference?: string | null;
  submittedAt?: string | null;
  denialReason?: string | null;
}

export const PAYER_TYPES: Record<Payer['type'], string> = {
  MEDICARE: 'Medicare',
  MEDICAID: 'Medicaid',
  COMMERCIAL: 'Commercial or Medicare Advantage',
};

/** The payer's answer to an eligibility check (X12 271), as a sentence. */
export function eligibilitySentence(check: Pick<EligibilityCheck, 'status' | 'attempts' | 'payerReference'>): string {
  const reference = check.payerReference ? ` (payer reference ${check.payerReference})` : '';
  const tries = `${check.attempts} ${check.attempts === 1 ? 'attempt' : 'attempts'}`;
  switch (check.status) {
    case 'ACTIVE':
      return `Active: the payer covers home health for this member${reference}.`;
    case 'INACTIVE':
      return `Inactive: the payer says this coverage is not active${reference}.`;
    case 'NOT_FOUND':
      return 'Not found: the payer does not know this member id. Check the member id on the card.';
    case 'TIMEOUT':
      return `No answer: the payer did not answer in time after ${tries}. Try again later.`;
    default:
      return `Error: the payer answered with an error after ${tries}. Try again later.`;
  }
}

export const STATUS_TEXT: Record<string, string> = {
  DRAFT: 'Draft (not submitted)',
  PENDING: 'Submitted, waiting for the payer',
  APPROVED: 'Approved',
  PARTIALLY_APPROVED: 'Partially approved',
  DENIED: 'Denied',
  APPEALED: 'Appealed, waiting for the payer',
  EXPIRED: 'Expired',
};

export type AuthorizationAction = 'submit' | 'decide' | 'appeal' | 'resubmit';

/** What billing can do next with an authorization, in the order the buttons show. */
export function nextActions(status: string): AuthorizationAction[] {
  switch (status) {
    case 'DRAFT':
      return ['submit'];
    case 'PENDING':
    case 'APPEALED':
      return ['decide'];
    case 'DENIED':
      return ['appeal', 'resubmit'];
    default:
      return [];
  }
}

export function isApproved(status: string): boolean {
  return status === 'APPROVED' || status === 'PARTIALLY_APPROVED';
}

/** "3 of 6 used, 3 left" for an approval; "6 requested" before it. */
export function unitsText(a: Pick<Authorization, 'status' | 'requestedUnits' | 'approvedUnits' | 'unitsUsed'>): string {
  if (a.approvedUnits == null) return `${a.requestedUnits} requested`;
  const left = Math.max(0, a.approvedUnits - a.unitsUsed);
  return `${a.unitsUsed} of ${a.approvedUnits} used, ${left} left`;
}

/** When the payer's decision is due, and whether it is late; null when no decision is awaited. */
export function decisionDue(a: Pick<Authorization, 'status' | 'decisionDueAt'>, now: Date): { due: string; overdue: boolean } | null {
  if ((a.status !== 'PENDING' && a.status !== 'APPEALED') || !a.decisionDueAt) return null;
  return { due: a.decisionDueAt, overdue: Date.parse(a.decisionDueAt) < now.getTime() };
}

export interface DecisionDraft {
  decision: 'APPROVED' | 'PARTIALLY_APPROVED' | 'DENIED';
  approvedUnits: string;
  reason: string;
}

/** The decision as billing-service takes it, or the sentences that say what is missing. */
export function decisionBody(
  draft: DecisionDraft,
  requestedUnits: number,
): { body?: { decision: string; approvedUnits?: number; reason?: string }; errors: string[] } {
  if (draft.decision === 'DENIED') {
    const reason = draft.reason.trim();
    if (!reason) return { errors: ["Enter the payer's reason for the denial."] };
    if (reason.length > 200) return { errors: ['The reason can be at most 200 characters.'] };
    return { body: { decision: 'DENIED', reason }, errors: [] };
  }
  const units = Number(draft.approvedUnits);
  if (!Number.isInteger(units) || units < 1) return { errors: ['Enter the approved units: a whole number of at least 1.'] };
  if (draft.decision === 'APPROVED' && units < requestedUnits) {
    return { errors: [`Fewer units than the ${requestedUnits} requested is a partial approval.`] };
  }
  return { body: { decision: draft.decision, approvedUnits: units }, errors: [] };
}

export interface CoverageDraft {
  payerId: string;
  memberId: string;
  plan: string;
  priority: 'PRIMARY' | 'SECONDARY';
  from: string;
  to: string;
}

export const EMPTY_COVERAGE: CoverageDraft = { payerId: '', memberId: '', plan: '', priority: 'PRIMARY', from: '', to: '' };

export function coverageDraft(c: Coverage): CoverageDraft {
  return { payerId: c.payerId, memberId: c.memberId, plan: c.plan ?? '', priority: c.priority, from: c.from, to: c.to ?? '' };
}

/** What is wrong with a coverage before it is sent, as sentences (billing-service checks the same and more). */
export function coverageErrors(d: CoverageDraft): string[] {
  const errors: string[] = [];
  if (!d.payerId) errors.push('Choose the payer.');
  if (!/^[A-Za-z0-9-]{1,40}$/.test(d.memberId.trim())) errors.push('The member id must be 1 to 40 letters, digits or dashes.');
  if (!d.from) errors.push('Enter the first day of the coverage.');
  if (d.to && d.from && d.to < d.from) errors.push('The last day must not be before the first day.');
  return errors;
}

/**
 * The PUT body that replaces the patient's coverages: the list with {@code draft} put in place of the coverage
 * {@code replacing} (by id), or added when it replaces none.
 */
export function coverageList(current: Coverage[], draft: CoverageDraft, replacing: string | null): { coverages: object[] } {
  const asRequest = (c: CoverageDraft) => ({
    payerId: c.payerId,
    memberId: c.memberId.trim(),
    plan: c.plan.trim() || null,
    priority: c.priority,
    from: c.from,
    to: c.to || null,
  });
  const kept = current.filter((c) => c.id !== replacing).map((c) => asRequest(coverageDraft(c)));
  const index = replacing ? current.findIndex((c) => c.id === replacing) : -1;
  const next = asRequest(draft);
  if (index >= 0) kept.splice(index, 0, next);
  else kept.push(next);
  return { coverages: kept };
}

export interface LineFilters {
  from: string;
  to: string;
  status: '' | 'READY' | 'ON_HOLD';
  patientId: string;
}

/** The query of the billable lines (and of their CSV) for these filters; empty filters are left out. */
export function linesQuery(f: LineFilters, page?: number, size?: number): string {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.status) params.set('status', f.status);
  if (f.patientId) params.set('patientId', f.patientId);
  if (page !== undefined) params.set('page', String(page));
  if (size !== undefined) params.set('size', String(size));
  return params.toString();
}

export function lineFilterErrors(f: LineFilters): string[] {
  const errors: string[] = [];
  if (!f.from || !f.to) errors.push('Enter both the first and the last day of the period.');
  else if (f.to < f.from) errors.push('The last day must not be before the first day.');
  else if ((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000 > 366) errors.push('The period can span at most 366 days.');
  return errors;
}
