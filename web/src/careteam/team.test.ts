import { describe, expect, it } from 'vitest';
import {
  addMember,
  candidates,
  fromRoster,
  fromStaff,
  circleProblems,
  circleRequest,
  invitationFor,
  invitationProblems,
  removeMember,
  roleOf,
  setLead,
  setPointOfContact,
  setRole,
  teamWarnings,
  toggleScope,
  type CircleMember,
  type TeamMember,
} from './team';

const team: TeamMember[] = [
  { subject: 'patel', role: 'PHYSICIAN', displayName: 'Dr. Priya Patel', lead: true },
  { subject: 'jones', role: 'PHYSICIAN', displayName: 'Dr. Sam Jones', lead: false },
  { subject: 'nina', role: 'NURSE', displayName: 'Nina Nurse', lead: false },
];

describe('care team editing', () => {
  it('moves the lead to another physician, never to someone who is not one', () => {
    expect(setLead(team, 'jones').filter((m) => m.lead).map((m) => m.subject)).toEqual(['jones']);
    expect(setLead(team, 'nina').some((m) => m.lead)).toBe(false);
  });

  it('takes the lead from a physician whose role changes, and warns that nobody can sign then', () => {
    const changed = setRole(team, 'patel', 'SPECIALIST');
    expect(changed.some((m) => m.lead)).toBe(false);
    expect(teamWarnings(changed)).toEqual(['Nobody on the team is the lead physician, so nobody can sign the plan of care.']);
    expect(teamWarnings(team)).toEqual([]);
  });

  it('offers roster clinicians and caring staff who are not on the team, once each, and adds one once', () => {
    const roster = [
      { id: '1', subject: 'nina', name: 'Nina Nurse', discipline: 'RN' },
      { id: '2', subject: 'pete', name: 'Pete Therapist', discipline: 'PT' },
      { id: '3', subject: 'dana', name: 'Dana Diaz', discipline: 'DIETITIAN' },
    ].map(fromRoster);
    const staff = [
      { id: 'pete', name: 'Pete Therapist', roles: ['therapist'] },
      { id: 'lee', name: 'Dr. Lee Kim', roles: ['physician'] },
      { id: 'cara', name: 'Cara Case', roles: ['case-manager', 'nurse'] },
    ].map(fromStaff);
    const others = candidates([...roster, ...staff], team);
    expect(others.map((c) => `${c.name}: ${c.role}`)).toEqual([
      'Cara Case: NURSE',
      'Dana Diaz: DIETITIAN',
      'Dr. Lee Kim: PHYSICIAN',
      'Pete Therapist: PHYSICAL_THERAPIST',
    ]);
    expect(others.find((c) => c.subject === 'pete')!.what).toBe('physical therapist'); // the roster's entry, not the staff one
    const added = addMember(team, others[2], others[2].role);
    expect(added.at(-1)).toEqual({ subject: 'lee', role: 'PHYSICIAN', displayName: 'Dr. Lee Kim', lead: false });
    expect(addMember(added, others[2], 'NURSE')).toHaveLength(4);
    expect(removeMember(added, 'lee')).toEqual(team);
    expect(roleOf('LPN')).toBe('NURSE');
  });
});

const circle: CircleMember[] = [
  { subject: 'fran', displayName: 'Fran Doe', relationship: 'daughter', pointOfContact: true, scopes: ['SCHEDULE', 'MESSAGES'], consentGrantedBy: 'carla', consentGrantedAt: '2026-11-20T10:00:00Z' },
  { subject: null, displayName: 'Tom Doe', relationship: 'son', pointOfContact: false, scopes: [] },
];

describe('care circle editing', () => {
  it('grants and withdraws one scope of one member, and sends scopes in a stable order without the consent record', () => {
    const granted = toggleScope(circle, 1, 'VITALS', true);
    const again = toggleScope(granted, 1, 'SCHEDULE', true);
    expect(circleRequest(again).members[1]).toEqual({ subject: null, displayName: 'Tom Doe', relationship: 'son', pointOfContact: false, scopes: ['SCHEDULE', 'VITALS'] });
    expect(circleRequest(toggleScope(circle, 0, 'MESSAGES', false)).members[0]).toEqual({ subject: 'fran', displayName: 'Fran Doe', relationship: 'daughter', pointOfContact: true, scopes: ['SCHEDULE'] });
    expect(circle[1].scopes).toEqual([]); // the loaded circle is not changed in place
  });

  it('keeps one point of contact', () => {
    expect(setPointOfContact(circle, 1).map((m) => m.pointOfContact)).toEqual([false, true]);
  });

  it('says what is missing before saving', () => {
    expect(circleProblems([...circle, { displayName: 'tom doe', relationship: '', pointOfContact: false, scopes: [] }])).toEqual([
      'tom doe needs a relationship, for example "daughter".',
      'tom doe is listed twice.',
    ]);
    expect(circleProblems(circle)).toEqual([]);
  });

  it('suggests the invitation from the display name and checks the e-mail', () => {
    const invitation = invitationFor(circle[1]);
    expect(invitation).toEqual({ email: '', givenName: 'Tom', familyName: 'Doe' });
    expect(invitationProblems(invitation)).toEqual(['Write an e-mail address such as tom@example.org: it becomes the sign-in name.']);
    expect(invitationProblems({ ...invitation, email: 'tom@doe.example' })).toEqual([]);
  });
});
