// The optimizer's plan as a coordinator reads it: times in the agency's zone without seconds, what the plan achieves
// against the current schedule, and the coordinator's decision per visit (accept, pin, exclude) before applying.
import type { PlanAssignment } from '../board';

export interface Explanation {
  travelMinutesFromPrevious: number;
  seenPatientBefore: boolean;
  preferredClinician: boolean;
  qualifiedClinicianDays: number;
  drivers: string[];
}

export type ExplainedAssignment = PlanAssignment & { explanation?: Explanation | null };

/** What the plan achieves against the current schedule of the same visits (GET …/plan, `achieves`). */
export interface Achievement {
  scopedVisits: number;
  plannedVisits: number;
  bookedNow: number;
  travelMinutes: number;
  travelMinutesNow: number;
  continuityPercent: number;
  continuityPercentNow: number;
}

/** The scope a coordinator gives a job: dates (agency-local YYYY-MM-DD), one patient or all, one discipline or all. */
export interface Scope {
  from: string;
  to: string;
  patientId: string;
  discipline: string;
  moveBooked: boolean;
}

export type Decision = 'accept' | 'pin' | 'exclude';

export const DECISIONS: { value: Decision; label: string }[] = [
  { value: 'accept', label: 'Accept' },
  { value: 'pin', label: 'Pin (keep in later runs)' },
  { value: 'exclude', label: 'Exclude (leave as it is)' },
];

/** The request that starts an OPTIMIZE job for the scope; pins go back as pinned visits. */
export function jobRequest(scope: Scope, limitSeconds: number, pinned: string[] = []) {
  return {
    from: scope.from,
    to: scope.to,
    timeLimitSeconds: limitSeconds,
    mode: 'OPTIMIZE' as const,
    ...(scope.patientId ? { patientIds: [scope.patientId] } : {}),
    ...(scope.discipline ? { disciplines: [scope.discipline] } : {}),
    ...(scope.moveBooked ? { moveBookedVisits: true } : {}),
    ...(pinned.length > 0 ? { pinnedVisitIds: pinned } : {}),
  };
}

/** Why the scope cannot be planned, or null: dates in order, not in the past, at most 14 days. */
export function scopeProblem(scope: Scope, today: string): string | null {
  if (!scope.from || !scope.to) return 'Choose the first and the last day to plan.';
  if (scope.to < scope.from) return 'The last day comes before the first day.';
  if (scope.from < today) return 'The optimizer plans from today on; choose a first day from today.';
  const days = (Date.parse(`${scope.to}T12:00:00Z`) - Date.parse(`${scope.from}T12:00:00Z`)) / 86_400_000 + 1;
  if (days > 14) return 'A plan spans at most 14 days.';
  return null;
}

/** "Mon, Jan 12, 9:05 AM" in the agency's zone: no seconds, whatever the browser's zone. */
export function agencyTime(iso: string, zone: string | undefined, locale?: string): string {
  return new Date(iso).toLocaleString(locale, {
    timeZone: zone || undefined,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

/** "9:05 AM" in the agency's zone. */
export function agencyClock(iso: string, zone: string | undefined, locale?: string): string {
  return new Date(iso).toLocaleTimeString(locale, { timeZone: zone || undefined, hour: 'numeric', minute: '2-digit' });
}

/** A short name of the zone for labels ("EST"), or the zone id. */
export function zoneLabel(zone: string | undefined, at: Date = new Date(), locale?: string): string {
  if (!zone) return 'local time';
  const part = new Intl.DateTimeFormat(locale ?? 'en-US', { timeZone: zone, timeZoneName: 'short' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function change(now: number, then: number, unit: string, lessIsBetter: boolean): string {
  if (now === then) return `same as now (${then} ${unit})`;
  const better = lessIsBetter ? now < then : now > then;
  return `${better ? 'better than' : 'worse than'} now (${then} ${unit})`;
}

/** The plan against the current schedule, one line per measure, in words. */
export function achievementLines(a: Achievement): string[] {
  return [
    `Visits planned: ${a.plannedVisits} of ${a.scopedVisits} (now ${a.bookedNow} booked)`,
    // travel is comparable only for the same visits: more visits planned than booked drive more, and that is no loss
    a.plannedVisits === a.bookedNow
      ? `Travel: ${a.travelMinutes} minutes, ${change(a.travelMinutes, a.travelMinutesNow, 'minutes', true)}`
      : `Travel: ${a.travelMinutes} minutes for ${plural(a.plannedVisits, 'visit')} (now ${a.travelMinutesNow} minutes for ${plural(a.bookedNow, 'visit')} booked)`,
    `Continuity of care: ${a.continuityPercent}% of visits by the patient's usual clinician for that discipline, ` +
      `${change(a.continuityPercent, a.continuityPercentNow, '%', false)}`,
  ];
}

/**
 * The drivers as a reader wants them: what held the visit in place first, then who and why, then the time. The
 * technical wording of the API stays recognisable; nothing is dropped.
 */
export function readableDrivers(drivers: string[] | undefined | null): string[] {
  if (!drivers) return [];
  return drivers.map((d) => {
    const text = d.replace(/^pinned: booked;.*$/, 'pinned: already booked, so it stays with its clinician and time');
    return text.charAt(0).toUpperCase() + text.slice(1);
  });
}

/** Every new or moved visit starts accepted. */
export function initialDecisions(changes: PlanAssignment[]): Record<string, Decision> {
  return Object.fromEntries(changes.map((c) => [c.visitId, 'accept' as Decision]));
}

/** What Apply books: the accepted and the pinned visits (pinning a visit accepts it and keeps it in later runs). */
export function toApply(decisions: Record<string, Decision>): string[] {
  return Object.entries(decisions)
    .filter(([, d]) => d !== 'exclude')
    .map(([visitId]) => visitId);
}

export function pinned(decisions: Record<string, Decision>): string[] {
  return Object.entries(decisions)
    .filter(([, d]) => d === 'pin')
    .map(([visitId]) => visitId);
}

/** "3 accepted, 1 pinned, 1 excluded". */
export function decisionSummary(decisions: Record<string, Decision>): string {
  const values = Object.values(decisions);
  const count = (d: Decision) => values.filter((v) => v === d).length;
  return `${count('accept')} accepted, ${count('pin')} pinned, ${count('exclude')} excluded`;
}

export { plural };
