// Care team and care circle editing as pure functions over what patient-service answers (CareTeamController,
// CareCircleController): the lists the coordinator changes, and the request bodies written back with If-Match.
import type { Clinician } from '../types';

export const TEAM_ROLES = ['PHYSICIAN', 'SPECIALIST', 'NURSE', 'PHYSICAL_THERAPIST', 'OCCUPATIONAL_THERAPIST', 'SPEECH_THERAPIST', 'DIETITIAN', 'SOCIAL_WORKER', 'CASE_MANAGER', 'COORDINATOR', 'AIDE'] as const;

export interface TeamMember {
  subject: string;
  role: string;
  displayName: string;
  lead: boolean;
}

/** The care-team role a rostered clinician usually has, from scheduling's discipline (the coordinator may change it). */
export function roleOf(discipline: string): string {
  switch (discipline) {
    case 'RN':
    case 'LPN':
      return 'NURSE';
    case 'PT':
      return 'PHYSICAL_THERAPIST';
    case 'OT':
      return 'OCCUPATIONAL_THERAPIST';
    case 'ST':
      return 'SPEECH_THERAPIST';
    case 'DIETITIAN':
    case 'SOCIAL_WORKER':
    case 'AIDE':
      return discipline;
    default:
      return 'NURSE';
  }
}

/** Someone who could join the team: a clinician on scheduling's roster or a caring member of the agency's staff. */
export interface Candidate {
  subject: string;
  name: string;
  /** The care-team role suggested for them. */
  role: string;
  /** What they do, in words, to tell two people of the same name apart. */
  what: string;
}

const DISCIPLINES: Record<string, string> = {
  RN: 'registered nurse',
  LPN: 'licensed practical nurse',
  PT: 'physical therapist',
  OT: 'occupational therapist',
  ST: 'speech therapist',
};

export function fromRoster(c: Clinician): Candidate {
  const what = DISCIPLINES[c.discipline] ?? c.discipline.replace(/_/g, ' ').toLowerCase();
  return { subject: c.subject, name: c.name, role: roleOf(c.discipline), what };
}

const REALM_ROLES: [string, string][] = [
  ['physician', 'PHYSICIAN'],
  ['nurse', 'NURSE'],
  ['therapist', 'PHYSICAL_THERAPIST'],
  ['social-worker', 'SOCIAL_WORKER'],
  ['case-manager', 'CASE_MANAGER'],
  ['aide', 'AIDE'],
  ['coordinator', 'COORDINATOR'],
  ['agency-admin', 'COORDINATOR'],
];

export function fromStaff(s: { id: string; name: string; roles: string[] }): Candidate {
  const role = REALM_ROLES.find(([realm]) => s.roles.includes(realm))?.[1] ?? 'COORDINATOR';
  return { subject: s.id, name: s.name, role, what: s.roles.join(', ') };
}

/**
 * Who could join: everyone offered (roster entries first: their discipline says more than a realm role), once each,
 * not on the team yet, by name.
 */
export function candidates(offered: Candidate[], members: TeamMember[]): Candidate[] {
  const taken = new Set(members.map((m) => m.subject));
  const seen = new Set<string>();
  return offered
    .filter((c) => c.subject && !taken.has(c.subject) && !seen.has(c.subject) && seen.add(c.subject))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function addMember(members: TeamMember[], candidate: Candidate, role: string): TeamMember[] {
  if (members.some((m) => m.subject === candidate.subject)) return members;
  return [...members, { subject: candidate.subject, role, displayName: candidate.name, lead: false }];
}

/** The lead is one physician; choosing another moves the lead, and a member who stops being a physician loses it. */
export function setLead(members: TeamMember[], subject: string): TeamMember[] {
  return members.map((m) => ({ ...m, lead: m.subject === subject && m.role === 'PHYSICIAN' }));
}

export function setRole(members: TeamMember[], subject: string, role: string): TeamMember[] {
  return members.map((m) => (m.subject === subject ? { ...m, role, lead: m.lead && role === 'PHYSICIAN' } : m));
}

export function removeMember(members: TeamMember[], subject: string): TeamMember[] {
  return members.filter((m) => m.subject !== subject);
}

/** Said before saving: a team without a lead physician has nobody who may sign the plan of care. */
export function teamWarnings(members: TeamMember[]): string[] {
  return members.some((m) => m.lead) ? [] : ['Nobody on the team is the lead physician, so nobody can sign the plan of care.'];
}

// ---- care circle -------------------------------------------------------------------------------------------------

export const SCOPES = ['SCHEDULE', 'CARE_PLAN_SUMMARY', 'MESSAGES', 'VITALS', 'ACCESS_LOG'] as const;
export type Scope = (typeof SCOPES)[number];

export const SCOPE_WORDS: Record<Scope, string> = {
  SCHEDULE: 'Visit schedule',
  CARE_PLAN_SUMMARY: 'Plan of care in brief',
  MESSAGES: 'Messages with the team',
  VITALS: 'Vital signs',
  ACCESS_LOG: 'Who viewed the record',
};

export interface CircleMember {
  subject?: string | null;
  displayName: string;
  relationship: string;
  pointOfContact: boolean;
  scopes: string[];
  consentGrantedBy?: string | null;
  consentGrantedAt?: string | null;
}

/** What the PUT accepts: the consent's author and time are recorded by the service, never sent. */
export function circleRequest(members: CircleMember[]) {
  return {
    members: members.map((m) => ({
      subject: m.subject ?? null,
      displayName: m.displayName.trim(),
      relationship: m.relationship.trim(),
      pointOfContact: m.pointOfContact,
      scopes: SCOPES.filter((s) => m.scopes.includes(s)),
    })),
  };
}

export function toggleScope(members: CircleMember[], index: number, scope: Scope, on: boolean): CircleMember[] {
  return members.map((m, i) =>
    i === index ? { ...m, scopes: on ? [...new Set([...m.scopes, scope])] : m.scopes.filter((s) => s !== scope) } : m,
  );
}

/** Only one point of contact: the team calls one person first. */
export function setPointOfContact(members: CircleMember[], index: number): CircleMember[] {
  return members.map((m, i) => ({ ...m, pointOfContact: i === index }));
}

export function circleProblems(members: CircleMember[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  members.forEach((m, i) => {
    const name = m.displayName.trim();
    if (!name) problems.push(`Member ${i + 1} needs a name.`);
    if (!m.relationship.trim()) problems.push(`${name || `Member ${i + 1}`} needs a relationship, for example "daughter".`);
    if (name && names.has(name.toLowerCase())) problems.push(`${name} is listed twice.`);
    names.add(name.toLowerCase());
  });
  return problems;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface Invitation {
  email: string;
  givenName: string;
  familyName: string;
}

/** The invitation's fields; the name is split from the display name as a suggestion. */
export function invitationFor(member: CircleMember): Invitation {
  const [givenName, ...rest] = member.displayName.trim().split(/\s+/);
  return { email: '', givenName: givenName ?? '', familyName: rest.join(' ') };
}

export function invitationProblems(invitation: Invitation): string[] {
  const problems: string[] = [];
  if (!EMAIL.test(invitation.email.trim())) problems.push('Write an e-mail address such as tom@example.org: it becomes the sign-in name.');
  if (!invitation.givenName.trim()) problems.push('Write the given name.');
  if (!invitation.familyName.trim()) problems.push('Write the family name.');
  return problems;
}
