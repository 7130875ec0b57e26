// Huddles on one patient, as messaging-service keeps them (ThreadController: a HUDDLE thread with agenda, attendees
// and decisions, each decision optionally linked to the care plan version it led to).
import { threadsOf } from '../messages/threads';

export interface Decision {
  id: string;
  text: string;
  carePlanVersion?: number | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Huddle {
  id: string;
  kind: 'HUDDLE';
  patientId: string;
  participants: string[];
  huddle: { agenda: string; meetsAt?: string | null; decisions: Decision[] };
  createdAt: string;
}

/** The patient's huddles I take part in, the newest first. */
export async function huddlesOf(patientId: string): Promise<Huddle[]> {
  return (await threadsOf<Huddle>(patientId, 'HUDDLE')).sort(
    (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt),
  );
}

export interface NewHuddle {
  agenda: string;
  /** As the datetime-local input has it (the browser's zone), or empty. */
  meetsAt: string;
  attendees: string[];
}

export function huddleProblems(h: NewHuddle): string[] {
  const problems: string[] = [];
  if (!h.agenda.trim()) problems.push('Write the agenda: what the huddle is to decide.');
  if (h.attendees.length === 0) problems.push('Choose at least one colleague from the care team.');
  if (h.meetsAt && Number.isNaN(Date.parse(h.meetsAt))) problems.push('The meeting time is not a date and time.');
  return problems;
}

export function huddleRequest(patientId: string, h: NewHuddle) {
  return {
    kind: 'HUDDLE',
    patientId,
    agenda: h.agenda.trim(),
    meetsAt: h.meetsAt ? new Date(h.meetsAt).toISOString() : null,
    attendees: h.attendees,
  };
}

/** "Decided: … (plan version 4)": the link to the version said in words. */
export function decisionLine(d: Decision): string {
  return d.carePlanVersion ? `${d.text} (plan version ${d.carePlanVersion})` : d.text;
}
