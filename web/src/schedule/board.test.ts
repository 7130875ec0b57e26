import { describe, expect, it } from 'vitest';
import type { Visit } from '../types';
import {
  byClinicianAndDay,
  clinicianDiscipline,
  conflicts,
  instantOf,
  outsideHours,
  percentDone,
  planChanges,
  qualifiedFor,
  shiftWeek,
  sundayOf,
  weekDays,
} from './board';

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
    expect(sundayOf('2030-01-01')).toBe('2029-12-30'); // a Tuesday: its week began the Sunday before
    expect(sundayOf('2030-01-06')).toBe('2030-01-06');
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

  it('checks bookings against working hours by weekday, in local time', () => {
    const weekdays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, start: '08:00:00', end: '17:00:00' }));
    const olga = { id: 'olga', name: 'Olga', discipline: 'RN', hours: weekdays };
    const at = (day: string, from: string, to: string) => [instantOf(day, from), instantOf(day, to)] as const;
    expect(outsideHours(olga, ...at('2030-01-07', '08:00', '17:00'))).toBeNull(); // a Monday, the whole day
    expect(outsideHours(olga, ...at('2030-01-07', '07:45', '08:45'))).toBe("outside Olga's working hours (Monday 08:00–17:00)");
    expect(outsideHours(olga, ...at('2030-01-07', '16:30', '17:01'))).toBe("outside Olga's working hours (Monday 08:00–17:00)");
    expect(outsideHours(olga, ...at('2030-01-06', '10:00', '11:00'))).toBe('Olga does not work on Sundays');
    expect(outsideHours({ ...olga, hours: [{ day: 'MONDAY', start: '09:00', end: '12:00' }] }, ...at('2030-01-07', '12:00', '12:30'))).toMatch(/09:00–12:00/);
    expect(outsideHours({ id: 'x', name: 'X', discipline: 'RN' }, ...at('2030-01-06', '03:00', '04:00'))).toBeNull();
  });

  it('reports availability, load, pairing and overdue problems only for visits still to come', () => {
    const hours = ['MONDAY', 'TUESDAY'].map((day) => ({ day, start: '08:00:00', end: '17:00:00' }));
    const team = [
      { id: 'nina', name: 'Nina', discipline: 'RN', hours, maxVisitsPerDay: 2 },
      { id: 'lena', name: 'Lena', discipline: 'LPN', hours, active: false },
    ];
    const found = conflicts(
      {
        '2030-01-07': [
          visit('early', 'nina', '2030-01-07T07:00', '2030-01-07T07:30'),
          visit('done', 'nina', '2030-01-07T18:00', '2030-01-07T19:00', { status: 'COMPLETED' }),
          visit('third', 'nina', '2030-01-07T09:00', '2030-01-07T10:00', { pairing: { partnerVisitId: 'partner', leads: true, minGapMinutes: 0, maxGapMinutes: 0 } }),
          visit('partner', 'nina', '2030-01-07T11:00', '2030-01-07T12:00', { status: 'CANCELLED' }),
        ],
        '2030-01-08': [visit('lena1', 'lena', '2030-01-08T09:00', '2030-01-08T10:00')],
      },
      team,
      [
        visit('late', 'nina', '2030-01-07T09:00', '2030-01-07T10:00', { status: 'UNSCHEDULED', booking: null, latest: '2030-01-08' }),
        visit('fine', 'nina', '2030-01-07T09:00', '2030-01-07T10:00', { status: 'UNSCHEDULED', booking: null, latest: '2030-01-09' }),
      ],
      '2030-01-09',
    );
    expect(found.get('early')!.map((c) => c.reason)).toEqual([
      "outside Nina's working hours (Monday 08:00–17:00)",
      'Nina has 3 visits that day, more than the 2 they take',
    ]);
    expect(found.has('done')).toBe(false); // done is history, even outside hours
    expect(found.get('third')!.map((c) => c.reason)).toEqual([
      'double-staffed, but both visits are booked to the same clinician',
      'Nina has 3 visits that day, more than the 2 they take',
    ]);
    expect(found.has('partner')).toBe(false);
    expect(found.get('lena1')!.map((c) => c.reason)).toEqual(['Lena is no longer active']);
    expect(found.get('late')!.map((c) => c.reason)).toEqual(['not booked, and its window ended on 2030-01-08']);
    expect(found.has('fine')).toBe(false);
  });

  it('flags an overlap with a visit under way, but not on the visit under way', () => {
    const found = conflicts(
      {
        '2030-01-07': [
          visit('now', 'nina', '2030-01-07T09:00', '2030-01-07T10:00', { status: 'CHECKED_IN' }),
          visit('next', 'nina', '2030-01-07T09:45', '2030-01-07T10:15'),
        ],
      },
      roster,
    );
    expect(found.has('now')).toBe(false);
    expect(found.get('next')!.map((c) => c.reason)).toEqual(['overlaps another visit of the same clinician']);
  });

  it('names roster disciplines as people say them', () => {
    expect(clinicianDiscipline('SOCIAL_WORKER')).toBe('Social worker');
    expect(clinicianDiscipline('DIETITIAN')).toBe('Dietitian');
    expect(clinicianDiscipline('RN')).toBe('RN');
    expect(clinicianDiscipline('MUSIC_THERAPIST')).toBe('Music therapist');
  });

  it('books only the new and moved assignments of a plan, in time order', () => {
    const a = (visitId: string, start: string, change: 'NEW' | 'MOVED' | 'UNCHANGED' | 'PINNED', clinicianName = 'Nina') => ({
      visitId, patientId: 'p1', discipline: 'SN', clinicianId: 'c', clinicianName, start, end: start, change,
    });
    const plan = {
      feasible: true, hardViolations: 0, objective: 1, travelMinutes: 10, unassigned: [],
      assignments: [
        a('late', '2030-01-08T15:00:00Z', 'NEW'),
        a('same', '2030-01-07T09:00:00Z', 'UNCHANGED'),
        a('pinned', '2030-01-07T08:00:00Z', 'PINNED'),
        a('early-pete', '2030-01-07T10:00:00Z', 'MOVED', 'Pete'),
        a('early-amy', '2030-01-07T10:00:00Z', 'NEW', 'Amy'),
      ],
    };
    expect(planChanges(plan).map((x) => x.visitId)).toEqual(['early-amy', 'early-pete', 'late']);
  });

  it('measures the optimizer by time spent of its limit, full only when it ends', () => {
    expect(percentDone(0, 10, false)).toBe(0);
    expect(percentDone(2500, 10, false)).toBe(25);
    expect(percentDone(12000, 10, false)).toBe(99);
    expect(percentDone(-5, 10, false)).toBe(0);
    expect(percentDone(3000, 10, true)).toBe(100);
  });
});
