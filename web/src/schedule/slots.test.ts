import { describe, expect, it } from 'vitest';
import { loadText, orderText, sentence, travelText, type OrderedVisit } from './slots';

const visit = (id: string, over: Partial<OrderedVisit> = {}): OrderedVisit => ({
  id,
  patientId: 'jane',
  discipline: 'SN',
  type: 'IN_HOME',
  earliest: '2030-01-06',
  latest: '2030-01-12',
  status: 'UNSCHEDULED',
  planVersion: 1,
  ...over,
});

describe('telling visits apart', () => {
  it('numbers look-alike visits of one order and names the window and the plan', () => {
    const all = [visit('c'), visit('a'), visit('b'), visit('d', { discipline: 'PT' }), visit('e', { earliest: '2030-01-13', latest: '2030-01-19' })];
    expect(orderText(all[0], all, (d) => d)).toBe('visit 3 of 3 ordered for 2030-01-06 – 2030-01-12 (plan version 1)');
    expect(orderText(all[1], all, (d) => d)).toBe('visit 1 of 3 ordered for 2030-01-06 – 2030-01-12 (plan version 1)');
    expect(orderText(all[3], all, (d) => d)).toBe('ordered for 2030-01-06 – 2030-01-12 (plan version 1)');
  });

  it('says when a visit was added by hand', () => {
    const prn = visit('x', { planVersion: 0 });
    expect(orderText(prn, [prn], (d) => d)).toContain('added by hand');
  });
});

describe('words for load, travel and rules', () => {
  it('states the load against the limit and the week', () => {
    expect(loadText({ visitsThatDay: 1, visitsThatWeek: 1, maxVisitsPerDay: 6 })).toBe('1 of 6 visits that day, 1 visit this week');
    expect(loadText({ visitsThatDay: 0, visitsThatWeek: 4, maxVisitsPerDay: 5 })).toBe('0 of 5 visits that day, 4 visits this week');
  });

  it('says travel in minutes, or none for a video call', () => {
    expect(travelText(0)).toBe('no travel');
    expect(travelText(12)).toBe('12 min travel');
  });

  it("makes a rule's words a sentence", () => {
    expect(sentence('the payer requires prior authorization for PT')).toBe('The payer requires prior authorization for PT.');
  });
});
