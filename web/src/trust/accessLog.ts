// "Who viewed my record": the audit-service's answer for the patient's point of contact (ACCESS_LOG consent).

export interface RecordAccess {
  at: string;
  who: string;
  role?: string | null;
  organization?: string | null;
  action?: string | null;
  kind?: string | null;
}

export interface RecordAccesses {
  patientId: string;
  from: string;
  to: string;
  total: number;
  truncated: boolean;
  byKind: { kind: string; count: number; accesses: RecordAccess[] }[];
}

/** Every access, most recent first, whatever its kind. */
export function newestFirst(log: RecordAccesses): RecordAccess[] {
  return log.byKind.flatMap((g) => g.accesses).sort((a, b) => b.at.localeCompare(a.at));
}

const KINDS: Record<string, string> = {
  record: 'name, address and status',
  summary: 'chart summary',
  'care-plan': 'plan of care',
  'care-team': 'care team',
  'care-circle': 'family circle',
  'clinical-profile': 'diagnoses and allergies',
  observations: 'vital signs',
  alerts: 'alerts',
  visits: 'visits',
  assessment: 'assessment',
  messages: 'messages',
  transitions: 'hospital transfers',
};

/** The kind of data in words a family member reads ("care-plan" → "plan of care"). */
export function kindWords(kind?: string | null): string {
  if (!kind) return 'the record';
  return KINDS[kind] ?? kind.replace(/[-_]/g, ' ');
}

const ROLES: Record<string, string> = {
  nurse: 'Nurse',
  physician: 'Physician',
  therapist: 'Therapist',
  aide: 'Home health aide',
  'social-worker': 'Social worker',
  'case-manager': 'Case manager',
  coordinator: 'Care coordinator',
  'agency-admin': 'Agency administrator',
  billing: 'Billing staff',
  family: 'Family',
  partner: 'Partner system',
  'privacy-officer': 'Privacy officer',
};

export function roleWords(role?: string | null): string {
  if (!role) return '—';
  return ROLES[role] ?? role;
}
