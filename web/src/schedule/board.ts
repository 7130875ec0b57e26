// The week board's logic, kept out of the components: rows per clinician, the days of the week, conflicts, who is
// qualified for a visit, and the optimizer's progress as a share of its time limit.
import type { Visit } from '../types';

export interface RosterClinician {
  id: string;
  name: string;
  discipline: string;
  active?: boolean;
  timeOff?: { from: string; to: string }[];
}

/** Clinician disciplines that may make a visit of each plan-of-care discipline. */
const QUALIFIED: Record<string, string[]> = {
  SN: ['RN', 'LPN'],
  PT: ['PT'],
  OT: ['OT'],
  ST: ['ST'],
  RD: ['DIETITIAN'],
  MSW: ['SOCIAL_WORKER'],
  HHA: ['AIDE'],
};

export function qualifiedFor(visitDiscipline: string, clinicians: RosterClinician[]): RosterClinician[] {
  const allowed = QUALIFIED[visitDiscipline] ?? [];
  return clinicians.filter((c) => c.active !== false && allowed.includes(c.discipline));
}

/** YYYY-MM-DD of a date in the browser's zone. */
export function dayOf(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The seven days of the week that starts on weekStart (YYYY-MM-DD, a Sunday on the board). */
export function weekDays(weekStart: string): string[] {
  const [y, m, d] = weekStart.split('-').map(Number);
  return Array.from({ length: 7 }, (_, i) => dayOf(new Date(y, m - 1, d + i)));
}

/** The day seven days before or after. */
export function shiftWeek(weekStart: string, weeks: number): string {
  const [y, m, d] = weekStart.split('-').map(Number);
  return dayOf(new Date(y, m - 1, d + 7 * weeks));
}

export type BookedVisit = Visit & { booking: NonNullable<Visit['booking']> };

export function isBooked(v: Visit): v is BookedVisit {
  return v.booking != null;
}

/** Booked visits by clinician id, then by day, in time order. */
export function byClinicianAndDay(booked: Record<string, Visit[]>): Map<string, Map<string, BookedVisit[]>> {
  const rows = new Map<string, Map<string, BookedVisit[]>>();
  for (const visits of Object.values(booked)) {
    for (const v of visits.filter(isBooked)) {
      const day = dayOf(new Date(v.booking.start));
      const row = rows.get(v.booking.clinicianId) ?? new Map<string, BookedVisit[]>();
      row.set(day, [...(row.get(day) ?? []), v].sort((a, b) => a.booking.start.localeCompare(b.booking.start)));
      rows.set(v.booking.clinicianId, row);
    }
  }
  return rows;
}

export interface Conflict {
  visitId: string;
  reason: string;
}

/**
 * What is wrong on the board as it stands: a clinician's visits that overlap, a visit booked outside its window
 * (earliest..latest), a visit on a clinician's day off, a visit booked to someone the roster does not know or who
 * is not qualified for it. The booking rules refuse these for new bookings; the board shows what exists anyway
 * (rules change, people call in sick).
 */
export function conflicts(booked: Record<string, Visit[]>, clinicians: RosterClinician[]): Map<string, Conflict[]> {
  const found = new Map<string, Conflict[]>();
  const add = (visitId: string, reason: string) => found.set(visitId, [...(found.get(visitId) ?? []), { visitId, reason }]);
  const roster = new Map(clinicians.map((c) => [c.id, c]));
  for (const [clinicianId, days] of byClinicianAndDay(booked)) {
    const clinician = roster.get(clinicianId);
    for (const [day, visits] of days) {
      for (let i = 0; i < visits.length; i++) {
        const v = visits[i];
        for (let j = i + 1; j < visits.length; j++) {
          const w = visits[j];
          if (w.booking.start < v.booking.end && v.booking.start < w.booking.end) {
            add(v.id, 'overlaps another visit of the same clinician');
            add(w.id, 'overlaps another visit of the same clinician');
          }
        }
        if (day < v.earliest || day > v.latest) add(v.id, `booked outside its window (${v.earliest} to ${v.latest})`);
        if (!clinician) {
          add(v.id, 'booked to a clinician who is not on the roster');
          continue;
        }
        if (clinician.timeOff?.some((off) => off.from <= day && day <= off.to)) add(v.id, `${clinician.name} is off that day`);
        if (!qualifiedFor(v.discipline, [clinician]).length) add(v.id, `${clinician.name} is not qualified for ${v.discipline}`);
      }
    }
  }
  return found;
}

export interface Progress {
  atMillis: number;
  hardViolations: number;
  objective: number;
}

/** How far the search is, 0..100: the planner searches until its time limit unless stopped, so time tells. */
export function percentDone(elapsedMillis: number, limitSeconds: number, finished: boolean): number {
  if (finished) return 100;
  return Math.max(0, Math.min(99, Math.floor((elapsedMillis / (limitSeconds * 1000)) * 100)));
}

/** An ISO instant for a date (YYYY-MM-DD) and time (HH:MM) in the browser's zone. */
export function instantOf(day: string, time: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return new Date(y, m - 1, d, hh, mm).toISOString();
}
