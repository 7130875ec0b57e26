import { describe, expect, it } from 'vitest';
import { decisionLine, huddleProblems, huddleRequest } from './huddles';

describe('huddles', () => {
  it('needs an agenda and at least one colleague before anything is sent', () => {
    expect(huddleProblems({ agenda: ' ', meetsAt: '', attendees: [] })).toEqual([
      'Write the agenda: what the huddle is to decide.',
      'Choose at least one colleague from the care team.',
    ]);
    expect(huddleProblems({ agenda: 'Plan review', meetsAt: '', attendees: ['patel'] })).toEqual([]);
  });

  it('asks messaging for a HUDDLE on the patient, the meeting time as an instant', () => {
    const request = huddleRequest('p1', { agenda: ' Plan review ', meetsAt: '2026-12-04T09:30', attendees: ['patel', 'nina'] });
    expect(request).toEqual({
      kind: 'HUDDLE',
      patientId: 'p1',
      agenda: 'Plan review',
      meetsAt: new Date('2026-12-04T09:30').toISOString(),
      attendees: ['patel', 'nina'],
    });
    expect(huddleRequest('p1', { agenda: 'x', meetsAt: '', attendees: ['a'] }).meetsAt).toBeNull();
  });

  it('says the plan version a decision is linked to', () => {
    const base = { id: 'd', text: 'Keep PT at 3 visits a week', recordedBy: 'carla', recordedAt: '2026-12-03T10:00:00Z' };
    expect(decisionLine({ ...base, carePlanVersion: 3 })).toBe('Keep PT at 3 visits a week (plan version 3)');
    expect(decisionLine({ ...base, carePlanVersion: null })).toBe('Keep PT at 3 visits a week');
  });
});
