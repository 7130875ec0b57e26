import { describe, expect, it } from 'vitest';
import { achievementLines, agencyClock, agencyTime, decisionSummary, jobRequest, pinned, readableDrivers, scopeProblem, toApply, zoneLabel } from './plan';
import { offOn, repairRequest } from './sickCall';

const scope = { from: '2030-01-07', to: '2030-01-11', patientId: '', discipline: '', moveBooked: false };

describe('the optimizer plan as people read it', () => {
  it('shows times in the agency zone, on the minute, whatever the browser zone', () => {
    expect(agencyTime('2030-01-07T14:05:00Z', 'America/New_York', 'en-US')).toBe('Mon, Jan 7, 9:05 AM');
    expect(agencyClock('2030-07-07T14:05:00Z', 'America/New_York', 'en-US')).toBe('10:05 AM');
    expect(agencyTime('2030-01-07T14:05:59Z', 'America/Los_Angeles', 'en-US')).toBe('Mon, Jan 7, 6:05 AM');
    expect(zoneLabel('America/New_York', new Date('2030-01-07T12:00:00Z'), 'en-US')).toBe('EST');
  });

  it('compares the plan with the current schedule in words, never as a cost', () => {
    const lines = achievementLines({ scopedVisits: 5, plannedVisits: 4, bookedNow: 4, travelMinutes: 40, travelMinutesNow: 40,
      continuityPercent: 75, continuityPercentNow: 100 });
    expect(lines).toEqual([
      'Visits planned: 4 of 5 (now 4 booked)',
      'Travel: 40 minutes, same as now (40 minutes)',
      "Continuity of care: 75% of visits by the patient's usual clinician for that discipline, worse than now (100 %)",
    ]);
    expect(lines.join(' ')).not.toMatch(/cost|objective/i);
    expect(achievementLines({ scopedVisits: 2, plannedVisits: 2, bookedNow: 0, travelMinutes: 16, travelMinutesNow: 0,
      continuityPercent: 100, continuityPercentNow: 100 })[1]).toBe('Travel: 16 minutes for 2 visits (now 0 minutes for 0 visits booked)');
  });

  it('applies accepted and pinned visits, and sends only the pinned ones back as pins', () => {
    const decisions = { a: 'accept', b: 'pin', c: 'exclude' } as const;
    expect(toApply({ ...decisions }).sort()).toEqual(['a', 'b']);
    expect(pinned({ ...decisions })).toEqual(['b']);
    expect(decisionSummary({ ...decisions })).toBe('1 accepted, 1 pinned, 1 excluded');
  });

  it('builds the job request from the scope: empty patient and discipline mean everyone', () => {
    expect(jobRequest(scope, 10)).toEqual({ from: '2030-01-07', to: '2030-01-11', timeLimitSeconds: 10, mode: 'OPTIMIZE' });
    expect(jobRequest({ ...scope, patientId: 'jane', discipline: 'PT', moveBooked: true }, 10, ['v1'])).toEqual({
      from: '2030-01-07', to: '2030-01-11', timeLimitSeconds: 10, mode: 'OPTIMIZE', patientIds: ['jane'], disciplines: ['PT'],
      moveBookedVisits: true, pinnedVisitIds: ['v1'],
    });
  });

  it('says what is wrong with a scope', () => {
    expect(scopeProblem(scope, '2030-01-06')).toBeNull();
    expect(scopeProblem({ ...scope, to: '2030-01-06' }, '2030-01-06')).toBe('The last day comes before the first day.');
    expect(scopeProblem(scope, '2030-01-08')).toMatch(/from today/);
    expect(scopeProblem({ ...scope, to: '2030-01-21' }, '2030-01-06')).toBe('A plan spans at most 14 days.');
    expect(scopeProblem({ ...scope, to: '2030-01-20' }, '2030-01-06')).toBeNull();
  });

  it('puts the pinned-booking driver in plain words and keeps the others', () => {
    expect(readableDrivers(['pinned: booked; this job keeps bookings (or locks this visit) unless it may move them', '5 min of travel from the previous stop']))
      .toEqual(['Pinned: already booked, so it stays with its clinician and time', '5 min of travel from the previous stop']);
    expect(readableDrivers(null)).toEqual([]);
  });

  it('repairs from the sick day to the end of its week, so a visit may move to another day', () => {
    expect(repairRequest('2030-01-08')).toEqual({ from: '2030-01-08', to: '2030-01-12', mode: 'REPAIR' });
    expect(repairRequest('2030-01-12')).toEqual({ from: '2030-01-12', to: '2030-01-12', mode: 'REPAIR' });
  });

  it('knows a sick day already recorded', () => {
    expect(offOn({ timeOff: [{ from: '2030-01-06', to: '2030-01-08' }] }, '2030-01-07')).toBe(true);
    expect(offOn({ timeOff: [] }, '2030-01-07')).toBe(false);
  });
});
