// The week board's logic, kept out of the components: rows per clinician, the days of the week, conflicts, who is
// qualified for a visit, and the optimizer's progress as a share of its time limit.
import { isoDate } from '../api';
import type { Visit } from '../types';
import { clockIn, dayIn } from './zone';

export interface WorkingHours {
  /** MONDAY … SUNDAY */
  day: string;
  /** HH:MM or HH:MM:SS, in the agency's zone */
  start: string;
  end: string;
}

export interface RosterClinician {
  id: string;
  name: string;
  discipline: string;
  active?: boolean;
  timeOff?: { from: string; to: string }[];
  /** When the clinician works, by weekday; a day not listed is a day off. Absent: not known, not checked. */
  hours?: WorkingHours[];
  maxVisitsPerDay?: number;
}

const CLINICIAN_DISCIPLINES: Record<string, string> = {
  RN: 'RN',
  LPN: 'LPN',
  PT: 'PT',
  OT: 'OT',
  ST: 'ST',
  DIETITIAN: 'Dietitian',
  SOCIAL_WORKER: 'Social worker',
  AIDE: 'Aide',
};

/** The roster's discipline code as people say it ("Social worker" for SOCIAL_WORKER). */
export function clinicianDiscipline(code: string): string {
  return CLINICIAN_DISCIPLINES[code] ?? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
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

/** The day `days` after (or before) a YYYY-MM-DD day, counted in calendar days in the browser's zone. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

/** The Sunday that starts the board's week of a YYYY-MM-DD day. */
export function sundayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return addDays(day, -new Date(y, m - 1, d).getDay());
}

/** The seven days of the week that starts on weekStart (YYYY-MM-DD, a Sunday on the board). */
export function weekDays(weekStart: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));
}

/** The day seven days before or after. */
export function shiftWeek(weekStart: string, weeks: number): string {
  return addDays(weekStart, 7 * weeks);
}

export type BookedVisit = Visit & { booking: NonNullable<Visit['booking']> };

export function isBooked(v: Visit): v is BookedVisit {
  return v.booking != null;
}

/** Booked visits by clinician id, then by day (in `zone`, the browser's if none is given), in time order. */
export function byClinicianAndDay(booked: Record<string, Visit[]>, zone?: string): Map<string, Map<string, BookedVisit[]>> {
  const rows = new Map<string, Map<string, BookedVisit[]>>();
  for (const visits of Object.values(booked)) {
    for (const v of visits.filter(isBooked)) {
      const day = zone ? dayIn(v.booking.start, zone) : isoDate(new Date(v.booking.start));
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

const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** HH:MM:SS of an instant in the browser's zone (the agency's zone in practice), comparable with working hours. */
function clockOf(date: Date): string {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

function hhmm(time: string): string {
  return time.slice(0, 5);
}

function withSeconds(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

/** Why a booking falls outside the clinician's working hours, or null when it is inside them (or they are unknown). */
export function outsideHours(clinician: RosterClinician, start: string, end: string, zone?: string): string | null {
  if (!clinician.hours) return null;
  const from = new Date(start);
  const to = new Date(end);
  const day = (d: Date) => (zone ? dayIn(d, zone) : isoDate(d));
  const clock = (d: Date) => (zone ? `${clockIn(d, zone)}:${String(d.getUTCSeconds()).padStart(2, '0')}` : clockOf(d));
  const weekday = WEEKDAYS[zone ? new Date(`${day(from)}T12:00:00Z`).getUTCDay() : from.getDay()];
  const hours = clinician.hours.find((h) => h.day === weekday);
  const dayName = weekday.charAt(0) + weekday.slice(1).toLowerCase();
  if (!hours) return `${clinician.name} does not work on ${dayName}s`;
  const sameDay = day(from) === day(to);
  if (!sameDay || clock(from) < withSeconds(hours.start) || clock(to) > withSeconds(hours.end)) {
    return `outside ${clinician.name}'s working hours (${dayName} ${hhmm(hours.start)}–${hhmm(hours.end)})`;
  }
  return null;
}

/**
 * What is wrong on the board as it stands, for visits still to come (scheduled ones; a visit under way or done is
 * history): a clinician's visits that overlap, a booking outside the clinician's working hours or on a day off, more
 * visits in a day than the clinician takes, a visit booked outside its window, to someone the roster does not know,
 * who is inactive or not qualified, and a double-staffed pair booked to one clinician. The booking rules refuse
 * these for new bookings; the board shows what exists anyway (rules change, people call in sick). Unassigned visits
 * whose window has passed (before today) are reported too.
 */
export function conflicts(
  booked: Record<string, Visit[]>,
  clinicians: RosterClinician[],
  unassigned: Visit[] = [],
  today?: string,
  zone?: string,
): Map<string, Conflict[]> {
  const found = new Map<string, Conflict[]>();
  const add = (visitId: string, reason: string) => {
    const known = found.get(visitId) ?? [];
    if (!known.some((c) => c.reason === reason)) found.set(visitId, [...known, { visitId, reason }]);
  };
  const roster = new Map(clinicians.map((c) => [c.id, c]));
  const clinicianOf = new Map<string, string>();
  for (const visits of Object.values(booked)) for (const v of visits.filter(isBooked)) clinicianOf.set(v.id, v.booking.clinicianId);
  for (const [clinicianId, days] of byClinicianAndDay(booked, zone)) {
    const clinician = roster.get(clinicianId);
    for (const [day, visits] of days) {
      const open = visits.filter((v) => v.status === 'SCHEDULED' || v.status === 'CHECKED_IN');
      for (let i = 0; i < open.length; i++) {
        for (let j = i + 1; j < open.length; j++) {
          const [v, w] = [open[i], open[j]];
          if (w.booking.start < v.booking.end && v.booking.start < w.booking.end) {
            for (const x of [v, w]) if (x.status === 'SCHEDULED') add(x.id, 'overlaps another visit of the same clinician');
          }
        }
      }
      const active = visits.filter((v) => v.status !== 'MISSED' && v.status !== 'CANCELLED');
      for (const v of visits.filter((x) => x.status === 'SCHEDULED')) {
        if (day < v.earliest || day > v.latest) add(v.id, `booked outside its window (${v.earliest} to ${v.latest})`);
        const partner = v.pairing?.partnerVisitId;
        if (partner && clinicianOf.get(partner) === clinicianId) add(v.id, 'double-staffed, but both visits are booked to the same clinician');
        if (!clinician) {
          add(v.id, 'booked to a clinician who is not on the roster');
          continue;
        }
        if (clinician.active === false) add(v.id, `${clinician.name} is no longer active`);
        if (clinician.timeOff?.some((off) => off.from <= day && day <= off.to)) add(v.id, `${clinician.name} is off that day`);
        else {
          const hours = outsideHours(clinician, v.booking.start, v.booking.end, zone);
          if (hours) add(v.id, hours);
        }
        if (clinician.maxVisitsPerDay && active.length > clinician.maxVisitsPerDay) {
          add(v.id, `${clinician.name} has ${active.length} visits that day, more than the ${clinician.maxVisitsPerDay} they take`);
        }
        if (!qualifiedFor(v.discipline, [{ ...clinician, active: true }]).length) add(v.id, `${clinician.name} is not qualified for ${v.discipline}`);
      }
    }
  }
  if (today) {
    for (const v of unassigned) if (v.status === 'UNSCHEDULED' && v.latest < today) add(v.id, `not booked, and its window ended on ${v.latest}`);
  }
  return found;
}

export interface Progress {
  atMillis: number;
  hardViolations: number;
  objective: number;
}

/** A planning job as GET /scheduling/v1/planning-jobs/{id} and the 'status' event show it. */
export interface JobView {
  id: string;
  status: 'QUEUED' | 'SOLVING' | 'DONE' | 'STOPPED' | 'FAILED' | 'APPLIED' | 'INTERRUPTED';
  mode?: 'OPTIMIZE' | 'REPAIR';
  from: string;
  to: string;
  progress: Progress[];
  best?: { assigned: number; unassigned: number; hardViolations: number; objective: number } | null;
  failure?: string | null;
}

export interface PlanAssignment {
  visitId: string;
  patientId: string;
  discipline: string;
  clinicianId: string;
  clinicianName: string;
  start: string;
  end: string;
  change: 'NEW' | 'MOVED' | 'UNCHANGED' | 'PINNED';
}

/** The best plan of a job (GET …/planning-jobs/{id}/plan). */
export interface Plan {
  feasible: boolean;
  hardViolations: number;
  objective: number;
  travelMinutes: number;
  assignments: PlanAssignment[];
  /** patientId and discipline are null for visits left out before planning (e.g. no authorization). */
  unassigned: { visitId: string; patientId?: string | null; discipline?: string | null; reason: string }[];
}

/** What applying the plan would book: new and moved visits, in time order. */
export function planChanges(plan: Plan): PlanAssignment[] {
  return plan.assignments
    .filter((a) => a.change === 'NEW' || a.change === 'MOVED')
    .sort((a, b) => a.start.localeCompare(b.start) || a.clinicianName.localeCompare(b.clinicianName));
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
