// What the scheduling-service says to help a booking: free slots per clinician with load and travel
// (GET /visits/{id}/slots) and what blocks each unassigned visit (GET /board/blockers), plus the words that make
// look-alike rows of the board tell apart.
import { api } from '../api';
import type { Visit } from '../types';

export type VisitType = 'IN_HOME' | 'TELEHEALTH';

/** A reason in the booking rules' own words (rule code and sentence). */
export interface Blocker {
  rule: string;
  message: string;
}

export interface Slot {
  start: string;
  end: string;
  travelMinutesFromPrevious: number;
}

export interface ClinicianSlots {
  clinicianId: string;
  name: string;
  discipline: string;
  visitsThatDay: number;
  visitsThatWeek: number;
  maxVisitsPerDay: number;
  slots: Slot[];
  why: Blocker[];
}

export interface Offer {
  visitId: string;
  date: string;
  zone: string;
  minutes: number;
  type: VisitType;
  clinicians: ClinicianSlots[];
  blockers: Blocker[];
}

export interface Blockers {
  weekStart: string;
  zone: string;
  visits: Record<string, Blocker[]>;
}

export function loadSlots(visitId: string, date: string, minutes: number, type: VisitType): Promise<Offer> {
  const query = new URLSearchParams({ date, minutes: String(minutes), type });
  return api<Offer>(`/scheduling/v1/visits/${encodeURIComponent(visitId)}/slots?${query}`);
}

export function loadBlockers(week: string): Promise<Blockers> {
  return api<Blockers>(`/scheduling/v1/board/blockers?week=${week}`);
}

/** A rule's sentence as the start of a sentence ("the payer…" → "The payer…"). */
export function sentence(message: string): string {
  const text = message.trim();
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** "1 of 6 visits that day, 4 this week": a clinician's load, in words (not colour). */
export function loadText(c: Pick<ClinicianSlots, 'visitsThatDay' | 'visitsThatWeek' | 'maxVisitsPerDay'>): string {
  const week = `${c.visitsThatWeek} visit${c.visitsThatWeek === 1 ? '' : 's'} this week`;
  return `${c.visitsThatDay} of ${c.maxVisitsPerDay} visits that day, ${week}`;
}

export function travelText(minutes: number): string {
  return minutes === 0 ? 'no travel' : `${minutes} min travel`;
}

/** Visits with the plan version that ordered them (0: added by hand); the board's list carries it. */
export type OrderedVisit = Visit & { planVersion?: number };

/**
 * What tells a visit from its look-alikes on the board: "visit 2 of 3 ordered for Dec 6 – Dec 12 (plan version 1)".
 * Visits of one patient and discipline ordered for the same window are numbered in a stable order (by id), so the
 * same visit keeps its number between loads.
 */
export function orderText(visit: OrderedVisit, all: OrderedVisit[], formatDay: (day: string) => string): string {
  const siblings = all
    .filter((v) => v.patientId === visit.patientId && v.discipline === visit.discipline && v.earliest === visit.earliest && v.latest === visit.latest)
    .sort((a, b) => a.id.localeCompare(b.id));
  const window = `${formatDay(visit.earliest)} – ${formatDay(visit.latest)}`;
  const source = visit.planVersion ? `plan version ${visit.planVersion}` : 'added by hand';
  const n = siblings.findIndex((v) => v.id === visit.id) + 1;
  return siblings.length > 1 ? `visit ${n} of ${siblings.length} ordered for ${window} (${source})` : `ordered for ${window} (${source})`;
}
