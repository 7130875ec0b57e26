// The plan editor's form: what the coordinator types (strings), to and from the plan content patient-service stores,
// and the checks that can be made before anything is sent (the service checks again; its problems are shown too).
import type { CarePlanContent } from '../types';

export const ROUTES = ['ORAL', 'SUBLINGUAL', 'TOPICAL', 'TRANSDERMAL', 'INHALED', 'SUBCUTANEOUS', 'INTRAMUSCULAR', 'INTRAVENOUS', 'RECTAL', 'OPHTHALMIC', 'OTIC', 'NASAL', 'ENTERAL'] as const;
export const EQUIPMENT_STATUSES = ['NEEDED', 'ORDERED', 'DELIVERED', 'IN_USE', 'RETURNED'] as const;

/** A medication as stored: the shared type leaves out start and stop, which the editor needs. */
export interface Medication {
  name: string;
  dose: string;
  route: string;
  times: string[];
  start: string;
  stop?: string | null;
}

export type PlanContent = Omit<CarePlanContent, 'medications'> & { medications: Medication[] };

export interface MedicationRow {
  name: string;
  dose: string;
  route: string;
  /** Times of day, comma separated: "08:00, 20:00". */
  times: string;
  start: string;
  stop: string;
}

export interface GoalRow {
  description: string;
  measure: string;
  targetDate: string;
}

export interface ProblemRow {
  description: string;
  goals: GoalRow[];
}

export interface DraftForm {
  problems: ProblemRow[];
  /** One entry per line, for the lists of short sentences. */
  interventions: string;
  medications: MedicationRow[];
  diet: string;
  equipment: { item: string; status: string }[];
  communityServices: string;
  frequency: string;
}

export interface FormError {
  field: string;
  message: string;
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);

export function formOf(content: PlanContent): DraftForm {
  return {
    problems: content.problems.map((p) => ({ description: p.description, goals: p.goals.map((g) => ({ ...g })) })),
    interventions: content.interventions.join('\n'),
    medications: content.medications.map((m) => ({
      name: m.name,
      dose: m.dose,
      route: m.route,
      times: m.times.map((t) => t.slice(0, 5)).join(', '),
      start: m.start,
      stop: m.stop ?? '',
    })),
    diet: content.diet.join('\n'),
    equipment: content.equipment.map((e) => ({ ...e })),
    communityServices: content.communityServices.join('\n'),
    frequency: content.frequency,
  };
}

export function contentOf(form: DraftForm): PlanContent {
  return {
    problems: form.problems.map((p) => ({
      description: p.description.trim(),
      goals: p.goals.map((g) => ({ description: g.description.trim(), measure: g.measure.trim(), targetDate: g.targetDate })),
    })),
    interventions: lines(form.interventions),
    medications: form.medications.map((m) => ({
      name: m.name.trim(),
      dose: m.dose.trim(),
      route: m.route,
      times: m.times.split(/[,\s]+/).filter(Boolean),
      start: m.start,
      stop: m.stop ? m.stop : null,
    })),
    diet: lines(form.diet),
    equipment: form.equipment.map((e) => ({ item: e.item.trim(), status: e.status })),
    communityServices: lines(form.communityServices),
    frequency: form.frequency.trim(),
  };
}

export const emptyMedication = (today: string): MedicationRow => ({ name: '', dose: '', route: 'ORAL', times: '08:00', start: today, stop: '' });
export const emptyProblem = (): ProblemRow => ({ description: '', goals: [{ description: '', measure: '', targetDate: '' }] });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** What can be told before saving; each message is a sentence that names the entry. */
export function validateDraft(form: DraftForm): FormError[] {
  const errors: FormError[] = [];
  if (!form.frequency.trim()) errors.push({ field: 'frequency', message: 'Write the visit frequency, for example "SN 2W4, PT 3W2".' });
  form.problems.forEach((p, i) => {
    const which = p.description.trim() || `Problem ${i + 1}`;
    if (!p.description.trim()) errors.push({ field: `problems.${i}.description`, message: `Problem ${i + 1} needs a description.` });
    if (p.goals.length === 0) errors.push({ field: `problems.${i}.goals`, message: `${which} needs at least one goal.` });
    p.goals.forEach((g, j) => {
      if (!g.description.trim() || !g.measure.trim() || !g.targetDate) {
        errors.push({ field: `problems.${i}.goals.${j}`, message: `Goal ${j + 1} of "${which}" needs a description, a measure and a target date.` });
      }
    });
  });
  form.medications.forEach((m, i) => {
    const which = m.name.trim() || `Medication ${i + 1}`;
    if (!m.name.trim()) errors.push({ field: `medications.${i}.name`, message: `Medication ${i + 1} needs a name.` });
    if (!m.dose.trim()) errors.push({ field: `medications.${i}.dose`, message: `${which} needs a dose, for example "10 mg".` });
    const times = m.times.split(/[,\s]+/).filter(Boolean);
    if (times.length === 0 || times.some((t) => !TIME.test(t))) {
      errors.push({ field: `medications.${i}.times`, message: `${which}: write the times of day as hours and minutes, for example "08:00, 20:00".` });
    }
    if (!m.start) errors.push({ field: `medications.${i}.start`, message: `${which} needs a start date.` });
    if (m.start && m.stop && m.stop < m.start) {
      errors.push({ field: `medications.${i}.stop`, message: `${which} stops before it starts.` });
    }
  });
  form.equipment.forEach((e, i) => {
    if (!e.item.trim()) errors.push({ field: `equipment.${i}.item`, message: `Equipment ${i + 1} needs a name.` });
  });
  return errors;
}
