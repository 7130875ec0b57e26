import { describe, expect, it } from 'vitest';
import { authorizationBlockers, defaultPeriod, fileBlockers, holdSummary, patientReadiness, readinessText, type BillableLine, type BillingFile } from './claims';

const line = (patientId: string, status: BillableLine['status'], holdReasons: BillableLine['holdReasons'] = [], extra: Partial<BillableLine> = {}): BillableLine => ({
  visitId: Math.random().toString(36),
  patientId,
  payerId: 'p1',
  discipline: 'SN',
  hcpcs: 'G0299',
  serviceDate: '2026-11-20',
  units: 1,
  status,
  holdReasons,
  filingDeadline: null,
  ...extra,
});

const file = (extra: Partial<BillingFile> = {}): BillingFile => ({
  patientId: 'x',
  signedPlanVersion: 1,
  coverages: [{ id: 'c', payerId: 'p1', priority: 'PRIMARY', from: '2026-01-01', to: null }],
  ...extra,
});

describe('claim readiness', () => {
  it('names what holds lines, most frequent first', () => {
    expect(holdSummary({ AUTHORIZATION_MISSING: 1, UNSIGNED_PLAN: 2 })).toBe(
      'plan of care not signed (2 lines); prior authorization missing (1 line)',
    );
    expect(holdSummary({})).toBe('Nothing on hold');
  });

  it('finds what a billing file lacks for a claim in the period', () => {
    expect(fileBlockers(file(), '2026-09-01', '2026-11-30')).toEqual([]);
    expect(fileBlockers(file({ signedPlanVersion: null, coverages: [] }), '2026-09-01', '2026-11-30')).toEqual([
      'No plan of care has been signed yet.',
      'No coverage is recorded for this period.',
    ]);
    expect(fileBlockers(file({ coverages: [{ id: 'c', payerId: 'p', priority: 'PRIMARY', from: '2025-01-01', to: '2025-12-31' }] }), '2026-09-01', '2026-11-30'))
      .toEqual(['No coverage is recorded for this period.']);
    expect(fileBlockers(null, '2026-09-01', '2026-11-30')[0]).toMatch(/no file/);
  });

  it('groups lines per patient: ready units, lines on hold by reason, the earliest filing deadline', () => {
    const result = patientReadiness(
      ['a', 'b', 'c'],
      [
        line('a', 'READY', [], { units: 2, filingDeadline: '2027-02-18' }),
        line('a', 'READY', [], { filingDeadline: '2027-02-10' }),
        line('b', 'ON_HOLD', ['UNSIGNED_PLAN', 'EVV_EXCEPTION']),
        line('b', 'ON_HOLD', ['UNSIGNED_PLAN']),
        line('b', 'READY'),
      ],
      { a: file(), b: file({ signedPlanVersion: null }), c: file() },
      '2026-09-01',
      '2026-11-30',
    );
    const [a, b, c] = result;
    expect(a).toMatchObject({ state: 'ready', readyLines: 2, readyUnits: 3, earliestFilingDeadline: '2027-02-10' });
    expect(readinessText(a)).toBe('Ready: 2 lines, 3 units');
    expect(b).toMatchObject({ state: 'blocked', onHoldLines: 2, onHoldByReason: { UNSIGNED_PLAN: 2, EVV_EXCEPTION: 1 } });
    expect(b.fileBlockers).toEqual(['No plan of care has been signed yet.']);
    expect(readinessText(b)).toBe('Blocked: 2 lines on hold');
    expect(c.state).toBe('nothing');
    expect(readinessText(c)).toBe('Nothing to bill in this period');
  });

  it('counts a patient without lines but with an incomplete file as blocked', () => {
    expect(patientReadiness(['d'], [], { d: null }, '2026-09-01', '2026-11-30')[0].state).toBe('blocked');
  });

  it('looks at the last 90 days by default', () => {
    expect(defaultPeriod(new Date(2026, 10, 25))).toEqual({ from: '2026-08-28', to: '2026-11-25' });
  });
});

describe('authorizations in claim readiness', () => {
  const auth = (status: string, extra: Partial<{ discipline: string; from: string; to: string; patientId: string }> = {}) => ({
    patientId: 'a',
    discipline: 'PT',
    status,
    from: '2026-11-01',
    to: '2026-11-30',
    ...extra,
  });

  it('counts a draft authorization as blocking, even for a patient whose lines are all ready', () => {
    const [a] = patientReadiness(['a'], [line('a', 'READY')], { a: file() }, '2026-09-01', '2026-11-30', [auth('DRAFT')]);
    expect(a.state).toBe('blocked');
    expect(a.fileBlockers).toEqual(['The PT authorization is a draft: submit it to the payer.']);
    const [b] = patientReadiness(['a'], [], { a: file() }, '2026-09-01', '2026-11-30', [auth('DRAFT')]);
    expect(b.state).toBe('blocked');
  });

  it('lifts the block once the payer approved, and names pending, appealed and denied requests', () => {
    expect(patientReadiness(['a'], [line('a', 'READY')], { a: file() }, '2026-09-01', '2026-11-30', [auth('APPROVED')])[0].state).toBe('ready');
    expect(authorizationBlockers([auth('PENDING'), auth('APPEALED', { discipline: 'SN' })], '2026-09-01', '2026-11-30', (c) => (c === 'PT' ? 'physical therapy' : 'nursing'))).toEqual([
      "The physical therapy authorization waits for the payer's decision.",
      "The nursing authorization is appealed and waits for the payer's decision.",
    ]);
    expect(authorizationBlockers([auth('DENIED')], '2026-09-01', '2026-11-30')).toEqual(['The PT authorization was denied: appeal it or submit it again.']);
    expect(authorizationBlockers([auth('DENIED'), auth('APPROVED')], '2026-09-01', '2026-11-30')).toEqual([]);
  });

  it('ignores authorizations outside the period and expired ones', () => {
    expect(authorizationBlockers([auth('DRAFT', { from: '2027-01-01', to: '2027-02-01' }), auth('EXPIRED')], '2026-09-01', '2026-11-30')).toEqual([]);
  });
});
