// The coordinator's intake: what a referral says and how the inbox words it (patient-service's ReferralController).
import type { Problem } from '../api';

export type ReferralStatus = 'RECEIVED' | 'ACCEPTED' | 'DECLINED' | 'ADMITTED';

export interface Diagnosis {
  code: string;
  description: string;
  primary: boolean;
}

export interface Referral {
  id: string;
  status: ReferralStatus;
  source: string;
  referringPhysician: { name: string; npi: string };
  reason: string;
  diagnoses: Diagnosis[];
  requestedDisciplines: string[];
  dischargeDate?: string | null;
  complexity?: 'HIGH' | 'MODERATE' | null;
  patient: {
    givenName: string;
    familyName: string;
    birthDate: string;
    address?: { line1?: string; line2?: string | null; city?: string; state?: string; postalCode?: string } | null;
    phone?: string | null;
    language?: string | null;
  };
  submittedBy?: string | null;
  receivedAt: string;
  decidedBy?: string | null;
  decidedAt?: string | null;
  declineReason?: string | null;
  patientId?: string | null;
}

/** The inbox's tabs, in the order a coordinator works through them; "New" is what the API calls RECEIVED. */
export const STATUSES: { status: ReferralStatus; label: string }[] = [
  { status: 'RECEIVED', label: 'New' },
  { status: 'ACCEPTED', label: 'Accepted' },
  { status: 'DECLINED', label: 'Declined' },
  { status: 'ADMITTED', label: 'Admitted' },
];

export function statusLabel(status: string): string {
  return STATUSES.find((s) => s.status === status)?.label ?? status;
}

const SOURCES: Record<string, string> = {
  PRIMARY_CARE_PHYSICIAN: 'primary care physician',
  HOSPITAL_DISCHARGE: 'hospital discharge',
  SKILLED_NURSING_FACILITY: 'skilled nursing facility',
  SPECIALIST: 'specialist',
  SELF_OR_FAMILY: 'self or family',
};

export function sourceLabel(source: string): string {
  return SOURCES[source] ?? source.toLowerCase().replace(/_/g, ' ');
}

/** "Dr. Priya Patel (hospital discharge)": who referred, and from where. */
export function referrer(r: Pick<Referral, 'referringPhysician' | 'source'>): string {
  return `${r.referringPhysician.name} (${sourceLabel(r.source)})`;
}

/** The primary diagnosis first, then the others: "I50.9 Heart failure, unspecified; +1 more". */
export function diagnosisSummary(diagnoses: Diagnosis[], shown = 1): string {
  if (diagnoses.length === 0) return 'No diagnosis given';
  const ordered = [...diagnoses].sort((a, b) => Number(b.primary) - Number(a.primary));
  const head = ordered.slice(0, shown).map((d) => `${d.code} ${d.description}`).join('; ');
  const more = ordered.length - shown;
  return more > 0 ? `${head}; +${more} more` : head;
}

export function prospectName(r: Pick<Referral, 'patient'>): string {
  return `${r.patient.givenName} ${r.patient.familyName}`;
}

const DISCIPLINE_WORDS: Record<string, string> = {
  SN: 'skilled nursing',
  PT: 'physical therapy',
  OT: 'occupational therapy',
  ST: 'speech-language pathology',
  MSW: 'medical social work',
  HHA: 'home health aide',
  RD: 'dietitian',
};

export function disciplinesRequested(codes: string[]): string {
  return codes.map((c) => DISCIPLINE_WORDS[c] ?? c).join(', ');
}

/**
 * A problem's field errors by field path ("homebound.reason" → its sentences), so that each form shows them next to
 * the field they are about; errors without a field (or the body) are under "".
 */
export function errorsByField(problem?: Problem): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of problem?.errors ?? []) {
    const field = !e.field || e.field === 'body' ? '' : e.field;
    (out[field] ??= []).push(sentence(e.message ?? 'is not valid'));
  }
  return out;
}

/** The message as a sentence, with the API's enum codes (LOOSE_RUGS, SYSTOLIC_BP) in words. */
export function sentence(text: string): string {
  const words = text
    .trim()
    .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, (code) => code.toLowerCase().replace(/_/g, ' '))
    .replace(/\bSPO2\b/g, 'oxygen saturation');
  if (!words) return words;
  const capital = words.charAt(0).toUpperCase() + words.slice(1);
  return /[.!?]$/.test(capital) ? capital : capital + '.';
}

/** A problem without field errors still says something: its sentence, shown with the form. */
export function withFallback(byField: Record<string, string[]>, sentence: string): Record<string, string[]> {
  return Object.keys(byField).length > 0 ? byField : { '': [sentence] };
}
