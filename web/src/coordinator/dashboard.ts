// The coordinator's agency dashboard, computed from the services' lists (plain functions, unit tested).
import type { Alert, PriorAuthorization, TransitionOfCare, Visit } from '../types';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'WARNING'] as const;

export function alertsBySeverity(alerts: Alert[]): Record<(typeof SEVERITIES)[number], number> {
  const counts = { CRITICAL: 0, HIGH: 0, WARNING: 0 };
  for (const a of alerts) if (a.status === 'OPEN' && a.severity in counts) counts[a.severity] += 1;
  return counts;
}

/** Visits booked to start today (local day), in time order. */
export function visitsOn(visits: Visit[], day: string): Visit[] {
  return visits
    .filter((v) => v.booking && localDay(v.booking.start) === day && v.status !== 'CANCELLED')
    .sort((a, b) => a.booking!.start.localeCompare(b.booking!.start));
}

export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export interface OverdueTask {
  patientId: string;
  type: string;
  dueOn: string;
}

/** Open transition-of-care tasks whose due day is over (or already flagged overdue). */
export function overdueTasks(transitions: TransitionOfCare[], today: string): OverdueTask[] {
  return transitions.flatMap((t) =>
    t.tasks
      .filter((task) => task.status === 'OVERDUE' || (task.status === 'OPEN' && task.dueOn < today))
      .map((task) => ({ patientId: t.patientId, type: task.type, dueOn: task.dueOn })),
  );
}

export type AuthorizationConcern = 'units low' | 'units used up' | 'decision overdue';

/** Authorizations needing the coordinator: ≤ 20 % units left, none left, or a payer decision overdue. */
export function authorizationConcerns(
  authorizations: PriorAuthorization[],
  now: Date,
): { authorization: PriorAuthorization; concern: AuthorizationConcern }[] {
  const out: { authorization: PriorAuthorization; concern: AuthorizationConcern }[] = [];
  for (const a of authorizations) {
    const approved = a.approvedUnits ?? 0;
    const left = approved - a.unitsUsed;
    const decided = a.status === 'APPROVED' || a.status === 'PARTIALLY_APPROVED';
    if (decided && approved > 0 && (a.exhaustedFlagged || left <= 0)) out.push({ authorization: a, concern: 'units used up' });
    else if (decided && approved > 0 && (a.lowFlagged || left <= approved * 0.2))
      out.push({ authorization: a, concern: 'units low' });
    else if (
      (a.status === 'PENDING' || a.status === 'APPEALED') &&
      (a.overdueFlagged || (a.decisionDueAt != null && new Date(a.decisionDueAt) < now))
    )
      out.push({ authorization: a, concern: 'decision overdue' });
  }
  return out;
}

export function humanType(code: string): string {
  const lower = code.replace(/_/g, ' ').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
