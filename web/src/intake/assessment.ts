// The start-of-care assessment as a form: what patient-service's AssessmentController takes, checked here first so
// that the coordinator reads each problem next to its field before anything is sent (the service checks it again).
import type { Problem } from '../api';
import { sentence } from './referrals';

export const HAZARDS = [
  ['LOOSE_RUGS', 'Loose rugs'],
  ['GRAB_BARS', 'Grab bars'],
  ['LIGHTING', 'Lighting'],
  ['STAIRS_AND_RAILINGS', 'Stairs and railings'],
  ['SMOKE_DETECTORS', 'Smoke detectors'],
  ['CARBON_MONOXIDE_DETECTOR', 'Carbon monoxide detector'],
  ['CLUTTER_AND_PATHWAYS', 'Clutter and pathways'],
  ['BATHROOM_SAFETY', 'Bathroom safety'],
  ['FIRE_EXTINGUISHER', 'Fire extinguisher'],
  ['EMERGENCY_NUMBERS_POSTED', 'Emergency numbers posted'],
  ['PETS', 'Pets'],
  ['OXYGEN_SAFETY', 'Oxygen safety'],
] as const;
export type HazardItem = (typeof HAZARDS)[number][0];

export const SAFETY_STATUSES = [
  ['OK', 'Safe'],
  ['HAZARD', 'Hazard'],
  ['NOT_APPLICABLE', 'Not applicable'],
] as const;
export type SafetyStatus = (typeof SAFETY_STATUSES)[number][0];

export const ADLS = [
  ['BATHING', 'Bathing'],
  ['DRESSING', 'Dressing'],
  ['TOILETING', 'Toileting'],
  ['TRANSFERRING', 'Transferring (bed, chair)'],
  ['AMBULATION', 'Walking'],
  ['FEEDING', 'Eating'],
] as const;
export type Adl = (typeof ADLS)[number][0];

export const LEVELS = [
  ['INDEPENDENT', 'Independent'],
  ['NEEDS_ASSISTANCE', 'Needs assistance'],
  ['DEPENDENT', 'Dependent'],
] as const;
export type Independence = (typeof LEVELS)[number][0];

/** The baseline vital signs offered, in their canonical (UCUM) units and with the range a living person can show. */
export const VITALS = [
  { vital: 'SYSTOLIC_BP', label: 'Systolic blood pressure', unit: 'mm[Hg]', shown: 'mmHg', min: 40, max: 300, required: true },
  { vital: 'DIASTOLIC_BP', label: 'Diastolic blood pressure', unit: 'mm[Hg]', shown: 'mmHg', min: 20, max: 200, required: false },
  { vital: 'HEART_RATE', label: 'Heart rate', unit: '/min', shown: 'beats/min', min: 20, max: 300, required: true },
  { vital: 'SPO2', label: 'Oxygen saturation', unit: '%', shown: '%', min: 50, max: 100, required: false },
  { vital: 'TEMPERATURE', label: 'Temperature', unit: 'Cel', shown: '°C', min: 25, max: 45, required: false },
  { vital: 'WEIGHT', label: 'Weight', unit: 'kg', shown: 'kg', min: 0.5, max: 400, required: false },
  { vital: 'PAIN', label: 'Pain score', unit: '{score}', shown: '0 to 10', min: 0, max: 10, required: false },
] as const;
export type VitalCode = (typeof VITALS)[number]['vital'];

export interface SafetyAnswer {
  status: SafetyStatus | '';
  finding: string;
  action: string;
}

export interface AssessmentForm {
  baseline: Record<string, string>;
  medicalHistory: string;
  functional: Record<string, Independence | ''>;
  homeSafety: Record<string, SafetyAnswer>;
  /** One goal per line, in the patient's own words. */
  goals: string;
}

/** What the service answers (InitialAssessment). */
export interface Assessment {
  patientId: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  baseline: { vital: string; value: number }[];
  medicalHistory?: string | null;
  functional: { activity: Adl; level: Independence }[];
  homeSafety: { item: HazardItem; status: SafetyStatus; finding?: string | null; action?: string | null }[];
  goals: string[];
  assessedBy?: string;
  updatedAt?: string;
  completedAt?: string | null;
}

export interface AssessmentRequest {
  baseline: { vital: string; value: number; unit: string }[];
  medicalHistory: string | null;
  functional: { activity: string; level: string }[];
  homeSafety: { item: string; status: string; finding: string | null; action: string | null }[];
  goals: string[];
}

export function emptyForm(): AssessmentForm {
  return {
    baseline: Object.fromEntries(VITALS.map((v) => [v.vital, ''])),
    medicalHistory: '',
    functional: Object.fromEntries(ADLS.map(([a]) => [a, ''])),
    homeSafety: Object.fromEntries(HAZARDS.map(([h]) => [h, { status: '', finding: '', action: '' }])),
    goals: '',
  };
}

export function fromAssessment(a: Assessment): AssessmentForm {
  const form = emptyForm();
  for (const b of a.baseline) form.baseline[b.vital] = String(b.value);
  form.medicalHistory = a.medicalHistory ?? '';
  for (const f of a.functional) form.functional[f.activity] = f.level;
  for (const s of a.homeSafety) form.homeSafety[s.item] = { status: s.status, finding: s.finding ?? '', action: s.action ?? '' };
  form.goals = a.goals.join('\n');
  return form;
}

export function goalsOf(form: AssessmentForm): string[] {
  return form.goals
    .split('\n')
    .map((g) => g.trim())
    .filter(Boolean);
}

function number(text: string): number {
  return Number(text.trim().replace(',', '.'));
}

const blankToNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body; only what is filled in is sent (an assessment is written over one or more visits). */
export function toRequest(form: AssessmentForm): AssessmentRequest {
  return {
    baseline: VITALS.filter((v) => form.baseline[v.vital]?.trim()).map((v) => ({
      vital: v.vital,
      value: number(form.baseline[v.vital]),
      unit: v.unit,
    })),
    medicalHistory: blankToNull(form.medicalHistory),
    functional: ADLS.filter(([a]) => form.functional[a]).map(([a]) => ({ activity: a, level: form.functional[a] })),
    homeSafety: HAZARDS.filter(([h]) => form.homeSafety[h].status).map(([h]) => ({
      item: h,
      status: form.homeSafety[h].status,
      finding: blankToNull(form.homeSafety[h].finding),
      action: blankToNull(form.homeSafety[h].action),
    })),
    goals: goalsOf(form),
  };
}

export type FieldErrors = Record<string, string[]>;

function add(errors: FieldErrors, key: string, message: string) {
  (errors[key] ??= []).push(message);
}

const hazardLabel = (item: string) => HAZARDS.find(([h]) => h === item)?.[1] ?? item;
const adlLabel = (adl: string) => ADLS.find(([a]) => a === adl)?.[1] ?? adl;

/**
 * What is wrong with the form, by field key (baseline.HEART_RATE, homeSafety.LOOSE_RUGS.action, functional.BATHING,
 * goals, medicalHistory). Completing asks for every part the service needs before it accepts completion.
 */
export function check(form: AssessmentForm, completing: boolean): FieldErrors {
  const errors: FieldErrors = {};
  for (const v of VITALS) {
    const text = form.baseline[v.vital]?.trim() ?? '';
    if (text === '') {
      if (completing && v.required) add(errors, `baseline.${v.vital}`, `Enter the ${v.label.toLowerCase()}: it is needed to complete the assessment.`);
      continue;
    }
    const value = number(text);
    if (!Number.isFinite(value) || value < v.min || value > v.max) {
      add(errors, `baseline.${v.vital}`, `${v.label} must be a number from ${v.min} to ${v.max} (${v.shown}).`);
    } else if (v.vital === 'PAIN' && !Number.isInteger(value)) {
      add(errors, `baseline.${v.vital}`, 'The pain score is a whole number from 0 to 10.');
    }
  }
  if (form.medicalHistory.length > 4000) add(errors, 'medicalHistory', 'The medical history can be at most 4000 characters.');
  for (const [adl, label] of ADLS) {
    if (completing && !form.functional[adl]) add(errors, `functional.${adl}`, `Rate ${label.toLowerCase()}: every activity is rated before completion.`);
  }
  for (const [item, label] of HAZARDS) {
    const answer = form.homeSafety[item];
    if (!answer.status && completing) add(errors, `homeSafety.${item}.status`, `Check ${label.toLowerCase()}: all 12 items are checked before completion.`);
    if (answer.status === 'HAZARD' && !answer.action.trim()) {
      add(errors, `homeSafety.${item}.action`, `${label} is a hazard: say what will be done about it.`);
    }
    if (answer.finding.length > 500) add(errors, `homeSafety.${item}.finding`, 'The finding can be at most 500 characters.');
    if (answer.action.length > 500) add(errors, `homeSafety.${item}.action`, 'The action can be at most 500 characters.');
  }
  const goals = goalsOf(form);
  if (completing && goals.length === 0) add(errors, 'goals', "Write at least one of the patient's own goals.");
  if (goals.length > 10) add(errors, 'goals', 'At most 10 goals, one per line.');
  if (goals.some((g) => g.length > 300)) add(errors, 'goals', 'Each goal can be at most 300 characters.');
  return errors;
}

const LISTED = /\[([A-Z_, ]+)\]/;

/**
 * The service's field errors placed on the form's fields: indexes into the request become the vital or item they
 * were about, and the completion rule messages ("homeSafety: not checked: [PETS]") land on each item named.
 */
export function serverErrors(problem: Problem | undefined, sent: AssessmentRequest): FieldErrors {
  const errors: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const field = e.field ?? '';
    const message = e.message ?? 'is not valid';
    const indexed = field.match(/^(baseline|homeSafety|functional|goals)\[(\d+)\](?:\.(\w+))?$/);
    if (indexed) {
      const [, part, index, leaf] = indexed;
      const i = Number(index);
      if (part === 'baseline' && sent.baseline[i]) add(errors, `baseline.${sent.baseline[i].vital}`, sentence(message));
      else if (part === 'homeSafety' && sent.homeSafety[i]) add(errors, `homeSafety.${sent.homeSafety[i].item}.${leaf ?? 'status'}`, sentence(`${leaf ?? ''} ${message}`));
      else if (part === 'functional' && sent.functional[i]) add(errors, `functional.${sent.functional[i].activity}`, sentence(message));
      else add(errors, 'goals', sentence(`goal ${i + 1} ${message}`));
      continue;
    }
    const listed = message.match(LISTED)?.[1]?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
    if (field === 'homeSafety' && listed.length > 0) {
      listed.forEach((item) => add(errors, `homeSafety.${item}.status`, `Check ${hazardLabel(item).toLowerCase()}: all 12 items are checked before completion.`));
    } else if (field === 'homeSafety' && /is a hazard/.test(message)) {
      const item = message.split(' ')[0];
      add(errors, `homeSafety.${item}.action`, `${hazardLabel(item)} is a hazard: say what will be done about it.`);
    } else if (field === 'functional' && listed.length > 0) {
      listed.forEach((adl) => add(errors, `functional.${adl}`, `Rate ${adlLabel(adl).toLowerCase()}: every activity is rated before completion.`));
    } else if (field === 'baseline') {
      add(errors, 'baseline.SYSTOLIC_BP', sentence(message));
    } else if (['goals', 'medicalHistory'].includes(field)) {
      add(errors, field, sentence(message));
    } else {
      add(errors, '', sentence(field && field !== 'body' ? `${field} ${message}` : message));
    }
  }
  return errors;
}

/** The hazards found, each with the action agreed: what the chart's home-safety region lists. */
export function hazardsOf(a: Pick<Assessment, 'homeSafety'>): { item: string; label: string; finding: string; action: string }[] {
  return a.homeSafety
    .filter((s) => s.status === 'HAZARD')
    .map((s) => ({ item: s.item, label: hazardLabel(s.item), finding: s.finding ?? '', action: s.action ?? '' }));
}

export { hazardLabel, adlLabel };
