// Sharing parts of a record with another agency under the patient's consent.

export const PARTS = ['PLAN_SUMMARY', 'MEDICATIONS', 'VITALS', 'VISITS'] as const;
export type Part = (typeof PARTS)[number];

export const PART_WORDS: Record<Part, string> = {
  PLAN_SUMMARY: 'Plan of care in brief',
  MEDICATIONS: 'Medications',
  VITALS: 'Vital signs (last 30 days)',
  VISITS: 'Visits',
};

/** One of the owner agency's visits as the other agency sees it (scheduling-service's shared visits). */
export interface SharedVisit {
  earliest: string;
  latest: string;
  start?: string | null;
  end?: string | null;
  discipline: string;
  type: 'IN_HOME' | 'TELEHEALTH';
  status: 'UNSCHEDULED' | 'SCHEDULED' | 'CHECKED_IN' | 'COMPLETED' | 'MISSED' | 'CANCELLED';
  clinicianFirstName?: string | null;
}

const STATUS_WORDS: Record<SharedVisit['status'], string> = {
  UNSCHEDULED: 'not booked yet',
  SCHEDULED: 'booked',
  CHECKED_IN: 'in progress',
  COMPLETED: 'done',
  MISSED: 'missed',
  CANCELLED: 'cancelled',
};

/** What a shared visit says in a line: who comes (first name), what, how, and whether it is booked, done or off. */
export function visitSummary(v: SharedVisit): string {
  const parts = [v.discipline];
  if (v.clinicianFirstName) parts.push(`with ${v.clinicianFirstName}`);
  if (v.type === 'TELEHEALTH') parts.push('by video');
  parts.push(STATUS_WORDS[v.status] ?? v.status.toLowerCase());
  return parts.join(' · ');
}

export interface SharingGrant {
  id: string;
  patientId: string;
  agency: string;
  parts: Part[];
  from: string;
  until: string;
  basis: 'POINT_OF_CONTACT' | 'CONSENT_DOCUMENT';
  consentDocument?: string | null;
  grantedAt: string;
  active: boolean;
  revokedAt?: string | null;
}

export interface SharedRecord {
  grantId: string;
  patientId: string;
  givenName: string;
  familyName: string;
  birthDate?: string | null;
  fromAgency: string;
  parts: Part[];
  until: string;
}

export interface GrantForm {
  agency: string;
  parts: Part[];
  until: string;
  consentDocument: string;
}

/**
 * What is wrong with the form before it is sent (the service checks again). A coordinator records the patient's
 * signed consent by its reference; the point of contact consents themselves, so needs none.
 */
export function grantProblems(form: GrantForm, today: string, needsDocument = true): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9-]{1,49}$/.test(form.agency.trim())) problems.push("Agency: give the agency's short name, e.g. riverbend.");
  if (form.parts.length === 0) problems.push('Choose at least one part of the record to share.');
  if (!form.until) problems.push('Until: choose the last day of sharing.');
  else if (form.until < today) problems.push('Until: the last day cannot be in the past.');
  if (needsDocument && !form.consentDocument.trim()) problems.push("Consent document: give the reference of the patient's signed consent.");
  return problems;
}

export function grantRequest(form: GrantForm) {
  const consentDocument = form.consentDocument.trim();
  return {
    agency: form.agency.trim(),
    parts: PARTS.filter((p) => form.parts.includes(p)),
    until: form.until,
    ...(consentDocument ? { consentDocument } : {}),
  };
}

export function grantState(grant: SharingGrant): string {
  if (grant.revokedAt) return 'revoked';
  return grant.active ? 'shared now' : 'not in its period';
}
