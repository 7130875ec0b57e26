import { describe, expect, it } from 'vitest';
import { alertsBySeverity, authorizationConcerns, overdueTasks } from './dashboard';
import type { Alert, PriorAuthorization } from '../types';

const alert = (severity: Alert['severity'], status: Alert['status'] = 'OPEN'): Alert => ({
  id: Math.random().toString(),
  patientId: 'p',
  rule: 'r',
  severity,
  finding: 'f',
  status,
  raisedAt: '2026-11-25T10:00:00Z',
});

const authorization = (over: Partial<PriorAuthorization>): PriorAuthorization => ({
  id: 'a',
  patientId: 'p',
  discipline: 'PT',
  status: 'APPROVED',
  requestedUnits: 10,
  approvedUnits: 10,
  unitsUsed: 0,
  from: '2026-11-01',
  to: '2026-12-31',
  overdueFlagged: false,
  lowFlagged: false,
  exhaustedFlagged: false,
  ...over,
});

describe('dashboard', () => {
  it('counts only open alerts by severity', () => {
    expect(alertsBySeverity([alert('CRITICAL'), alert('HIGH'), alert('HIGH'), alert('WARNING', 'ACKNOWLEDGED')])).toEqual({
      CRITICAL: 1,
      HIGH: 2,
      WARNING: 0,
    });
  });

  it('finds transition tasks past their due day', () => {
    const tasks = overdueTasks(
      [
        {
          patientId: 'p',
          dischargedOn: '2026-11-20',
          tasks: [
            { type: 'INTERACTIVE_CONTACT', dueOn: '2026-11-24', status: 'OPEN' },
            { type: 'FACE_TO_FACE_VISIT', dueOn: '2026-11-25', status: 'OPEN' },
          ],
        },
        { patientId: 'q', dischargedOn: '2026-11-01', tasks: [{ type: 'INTERACTIVE_CONTACT', dueOn: '2026-11-03', status: 'DONE' }] },
      ],
      '2026-11-25',
    );
    expect(tasks).toEqual([{ patientId: 'p', type: 'INTERACTIVE_CONTACT', dueOn: '2026-11-24' }]);
  });

  it('flags authorizations with 20 % or less left, used up, or a decision overdue', () => {
    const now = new Date('2026-11-25T12:00:00Z');
    const concerns = authorizationConcerns(
      [
        authorization({ id: 'plenty', unitsUsed: 7 }),
        authorization({ id: 'low', unitsUsed: 8 }),
        authorization({ id: 'gone', unitsUsed: 10 }),
        authorization({ id: 'late', status: 'PENDING', approvedUnits: null, decisionDueAt: '2026-11-24T12:00:00Z' }),
        authorization({ id: 'waiting', status: 'PENDING', approvedUnits: null, decisionDueAt: '2026-11-28T12:00:00Z' }),
      ],
      now,
    );
    expect(concerns.map((c) => [c.authorization.id, c.concern])).toEqual([
      ['low', 'units low'],
      ['gone', 'units used up'],
      ['late', 'decision overdue'],
    ]);
  });
});
