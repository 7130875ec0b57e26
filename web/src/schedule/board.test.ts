import { describe, expect, it } from 'vitest';
import type { Visit } from '../types';
import { byClinicianAndDay, conflicts, instantOf, percentDone, qualifiedFor, shiftWeek, weekDays } from './board';

const roster = [
  { id: 'nina', name: 'Nina', discipline: 'RN', timeOff: [{ from: '2030-01-09', to: '2030-01-09' }] },
  { id: 'pete', name: 'Pete', discipline: 'PT' },
  { id: 'gone', name: 'Gone', discipline: 'RN', active: false },
];

function visit(id: string, clinicianId: string, start: string, end: string, extra: Partial<Visit> = {}): Visit {
  return {
    id,
    patientId: 'p1',
    discipline: 'SN',
    type: 'IN_HOME',
    earliest: '2030-01-06',
    latest: '2030-01-12',
    status: 'SCHEDULED',
    booking: { clinicianId, start: instantOf(start.slice(0, 10), start.slice(11)), end: instantOf(end.slice(0, 10), end.slice(11)) },
    ...extra,
  };
}

describe('the week board', () => {
  it('lists the seven days from the week start and moves by weeks across months', () => {
    expect(weekDays('2030-01-27')).toEqual(['2030-01-27', '2030-01-28', '2030-01-29', '2030-01-30', '2030-01-31', '2030-02-01', '2030-02-02']);
    expect(shiftWeek('2030-01-27', 1)).toBe('2030-02-03');
    expect(shiftWeek('2030-01-06', -1)).toBe('2029-12-30');
  });

  it('offers only active clinicians qualified for the discipline', () => {
    expect(qualifiedFor('SN', roster).map((c) => c.id)).toEqual(['nina']);
    expect(qualifiedFor('PT', roster).map((c) => c.id)).toEqual(['pete']);
    expect(qualifiedFor('XX', roster)).toEqual([]);
  });

  it('groups booked visits by clinician and day in time order', () => {
    const rows = byClinicianAndDay({
      '2030-01-07': [visit('b', 'nina', '2030-01-07T11:00', '2030-01-07T12:00'), visit('a', 'nina', '2030-01-07T09:00', '2030-01-07T10:00')],
      '2030-01-08': [visit('c', 'pete', '2030-01-08T09:00', '2030-01-08T10:00', { discipline: 'PT' })],
    });
    expect([...rows.get('nina')!.get('2030-01-07')!].map((v) => v.id)).toEqual(['a', 'b']);
    expect(rows.get('pete')!.get('2030-01-08')!.map((v) => v.id)).toEqual(['c']);
  });

  it('finds overlaps, visits outside their window, days off, unknown and unqualified clinicians', () => {
    const found = conflicts(
      {
        '2030-01-07': [
          visit('a', 'nina', '2030-01-07T09:00', '2030-01-07T10:00'),
          visit('b', 'nina', '2030-01-07T09:30', '2030-01-07T10:30'),
          visit('c', 'nina', '2030-01-07T10:30', '2030-01-07T11:00'), // touches b, does not overlap
        ],
        '2030-01-09': [visit('d', 'nina', '2030-01-09T09:00', '2030-01-09T10:00')],
        '2030-01-13': [visit('e', 'pete', '2030-01-13T09:00', '2030-01-13T10:00')],
        '2030-01-08': [visit('f', 'stranger', '2030-01-08T09:00', '2030-01-08T10:00')],
      },
      roster,
    );
    expect(found.get('a')!.map((c) => c.reason)).toEqual(['overlaps another visit of the same clinician']);
    expect(found.get('b')!.map((c) => c.reason)).toEqual(['overlaps another visit of the same clinician']);
    expect(found.has('c')).toBe(false);
    expect(found.get('d')!.map((c) => c.reason)).toEqual(['Nina is off that day']);
    expect(found.get('e')!.map((c) => c.reason)).toEqual([
      'booked outside its window (2030-01-06 to 2030-01-12)',
      'Pete is not qualified for SN',
    ]);
    expect(found.get('f')!.map((c) => c.reason)).toEqual(['booked to a clinician who is not on the roster']);
  });

  it('measures the optimizer by time spent of its limit, full only when it ends', () => {
    expect(percentDone(0, 10, false)).toBe(0);
    expect(percentDone(2500, 10, false)).toBe(25);
    expect(percentDone(12000, 10, false)).toBe(99);
    expect(percentDone(-5, 10, false)).toBe(0);
    expect(percentDone(3000, 10, true)).toBe(100);
  });
});
