import { describe, expect, it } from 'vitest';
import {
  EMPTY_COVERAGE,
  coverageErrors,
  coverageList,
  decisionBody,
  decisionDue,
  eligibilitySentence,
  lineFilterErrors,
  linesQuery,
  nextActions,
  unitsText,
  type Coverage,
} from './workbench';

describe('billing workbench', () => {
  it('says what the payer answered to an eligibility check', () => {
    expect(eligibilitySentence({ status: 'ACTIVE', attempts: 1, payerReference: 'ELIG-7' })).toBe(
      'Active: the payer covers home health for this member (payer reference ELIG-7).',
    );
    expect(eligibilitySentence({ status: 'INACTIVE', attempts: 1 })).toMatch(/^Inactive/);
    expect(eligibilitySentence({ status: 'NOT_FOUND', attempts: 1 })).toMatch(/does not know this member id/);
    expect(eligibilitySentence({ status: 'TIMEOUT', attempts: 3 })).toBe('No answer: the payer did not answer in time after 3 attempts. Try again later.');
    expect(eligibilitySentence({ status: 'ERROR', attempts: 1 })).toMatch(/error after 1 attempt\./);
  });

  it('offers the next step of an authorization: draft → submit → decision → appeal', () => {
    expect(nextActions('DRAFT')).toEqual(['submit']);
    expect(nextActions('PENDING')).toEqual(['decide']);
    expect(nextActions('APPEALED')).toEqual(['decide']);
    expect(nextActions('DENIED')).toEqual(['appeal', 'resubmit']);
    expect(nextActions('APPROVED')).toEqual([]);
  });

  it('counts units used and left, and flags a decision past due', () => {
    expect(unitsText({ status: 'DRAFT', requestedUnits: 6, approvedUnits: null, unitsUsed: 0 })).toBe('6 requested');
    expect(unitsText({ status: 'APPROVED', requestedUnits: 6, approvedUnits: 6, unitsUsed: 7 })).toBe('7 of 6 used, 0 left');
    const now = new Date('2026-12-03T12:00:00Z');
    expect(decisionDue({ status: 'PENDING', decisionDueAt: '2026-12-01T00:00:00Z' }, now)).toEqual({ due: '2026-12-01T00:00:00Z', overdue: true });
    expect(decisionDue({ status: 'PENDING', decisionDueAt: '2026-12-10T00:00:00Z' }, now)?.overdue).toBe(false);
    expect(decisionDue({ status: 'APPROVED', decisionDueAt: '2026-12-01T00:00:00Z' }, now)).toBeNull();
  });

  it('builds the decision billing-service expects, or says what is missing', () => {
    expect(decisionBody({ decision: 'APPROVED', approvedUnits: '6', reason: '' }, 6).body).toEqual({ decision: 'APPROVED', approvedUnits: 6 });
    expect(decisionBody({ decision: 'APPROVED', approvedUnits: '4', reason: '' }, 6).errors).toEqual(['Fewer units than the 6 requested is a partial approval.']);
    expect(decisionBody({ decision: 'PARTIALLY_APPROVED', approvedUnits: '0', reason: '' }, 6).errors[0]).toMatch(/at least 1/);
    expect(decisionBody({ decision: 'DENIED', approvedUnits: '', reason: ' ' }, 6).errors).toEqual(["Enter the payer's reason for the denial."]);
    expect(decisionBody({ decision: 'DENIED', approvedUnits: '', reason: 'Not medically necessary' }, 6).body).toEqual({
      decision: 'DENIED',
      reason: 'Not medically necessary',
    });
  });

  it('checks a coverage and replaces or adds it in the list sent to billing-service', () => {
    expect(coverageErrors(EMPTY_COVERAGE)).toEqual(['Choose the payer.', 'The member id must be 1 to 40 letters, digits or dashes.', 'Enter the first day of the coverage.']);
    expect(coverageErrors({ ...EMPTY_COVERAGE, payerId: 'p', memberId: 'A-1', from: '2026-02-01', to: '2026-01-01' })).toEqual([
      'The last day must not be before the first day.',
    ]);
    const current: Coverage[] = [
      { id: 'c1', payerId: 'p1', memberId: 'A-1', plan: 'Gold', priority: 'PRIMARY', from: '2026-01-01', to: null },
      { id: 'c2', payerId: 'p2', memberId: 'A-2', plan: null, priority: 'SECONDARY', from: '2026-01-01', to: null },
    ];
    const edited = coverageList(current, { payerId: 'p1', memberId: ' A-9 ', plan: '', priority: 'PRIMARY', from: '2026-01-01', to: '' }, 'c1');
    expect(edited.coverages).toEqual([
      { payerId: 'p1', memberId: 'A-9', plan: null, priority: 'PRIMARY', from: '2026-01-01', to: null },
      { payerId: 'p2', memberId: 'A-2', plan: null, priority: 'SECONDARY', from: '2026-01-01', to: null },
    ]);
    expect(coverageList(current, { ...EMPTY_COVERAGE, payerId: 'p3', memberId: 'A-3', from: '2026-03-01' }, null).coverages).toHaveLength(3);
  });

  it('filters billable lines by period, status and patient, the same for the CSV', () => {
    expect(linesQuery({ from: '2026-09-01', to: '2026-11-30', status: '', patientId: '' })).toBe('from=2026-09-01&to=2026-11-30');
    expect(linesQuery({ from: '2026-09-01', to: '2026-11-30', status: 'ON_HOLD', patientId: 'p 1' }, 2, 50)).toBe(
      'from=2026-09-01&to=2026-11-30&status=ON_HOLD&patientId=p+1&page=2&size=50',
    );
    expect(lineFilterErrors({ from: '2026-09-01', to: '2026-08-01', status: '', patientId: '' })).toEqual(['The last day must not be before the first day.']);
    expect(lineFilterErrors({ from: '2025-01-01', to: '2026-08-01', status: '', patientId: '' })).toEqual(['The period can span at most 366 days.']);
    expect(lineFilterErrors({ from: '', to: '2026-08-01', status: '', patientId: '' })).toHaveLength(1);
  });
});
