import { discipline, type Visit } from '../../types';
import type { Plan, PlanAssignment } from '../board';
import {
  achievementLines,
  agencyTime,
  DECISIONS,
  plural,
  readableDrivers,
  zoneLabel,
  type Achievement,
  type Decision,
  type ExplainedAssignment,
} from './plan';

export type ExplainedPlan = Plan & { assignments: ExplainedAssignment[]; zone?: string; achieves?: Achievement | null };

/**
 * The finished plan to review: what it achieves against the current schedule, each visit it books or moves with why
 * this clinician and time and the coordinator's decision, and what it leaves unplanned with the reason each.
 */
export function PlanReview({
  plan,
  changes,
  decisions,
  onDecide,
  nameOf,
  visitOf,
  locked,
}: {
  plan: ExplainedPlan;
  changes: PlanAssignment[];
  decisions: Record<string, Decision>;
  onDecide: (visitId: string, decision: Decision) => void;
  nameOf: (patientId: string) => string;
  visitOf: (visitId: string) => Visit | undefined;
  /** After applying: decisions are shown, no longer changed. */
  locked: boolean;
}) {
  const explained = new Map<string, ExplainedAssignment>(plan.assignments.map((a) => [a.visitId, a]));
  const kept = plan.assignments.length - changes.length;
  const zone = plan.zone;
  return (
    <>
      <p>
        {plural(changes.length, 'visit')} to book or move ({changes.filter((c) => c.change === 'NEW').length} new,{' '}
        {changes.filter((c) => c.change === 'MOVED').length} moved), {plan.unassigned.length} left unplanned
        {kept > 0 ? `, ${plural(kept, 'visit')} kept as booked` : ''}
        {plan.hardViolations > 0 ? ` — the plan still breaks ${plural(plan.hardViolations, 'hard rule')}` : ''}.
      </p>
      {plan.achieves && (
        <>
          <h4 id="plan-achieves">What the plan achieves</h4>
          <ul className="list plan-achieves" aria-labelledby="plan-achieves">
            {achievementLines(plan.achieves).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {changes.length > 0 && (
        <div className="board-scroll">
          <table className="plan-changes">
            <caption>
              Visits the plan books or moves (times in the agency&apos;s zone, {zoneLabel(zone)})
            </caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Visit</th>
                <th scope="col">Clinician</th>
                <th scope="col">Why this clinician and time</th>
                <th scope="col">Decision</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((a) => {
                const when = agencyTime(a.start, zone);
                const what = `${discipline(a.discipline)} visit of ${nameOf(a.patientId)}`;
                const drivers = readableDrivers(explained.get(a.visitId)?.explanation?.drivers);
                return (
                  <tr key={a.visitId} data-visit={a.visitId} data-decision={decisions[a.visitId] ?? 'accept'}>
                    <td>{when}</td>
                    <td>
                      {what} <span className="muted">({a.change === 'NEW' ? 'new' : 'moved'})</span>
                    </td>
                    <td>{a.clinicianName}</td>
                    <td>
                      {drivers.length > 0 ? (
                        <ul className="drivers">
                          {drivers.map((d) => (
                            <li key={d}>{d}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="muted">No explanation given</span>
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={`Decision for ${what}, ${when}`}
                        value={decisions[a.visitId] ?? 'accept'}
                        disabled={locked}
                        onChange={(e) => onDecide(a.visitId, e.target.value as Decision)}
                      >
                        {DECISIONS.map((d) => (
                          <option key={d.value} value={d.value}>
                            {d.label}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {plan.unassigned.length > 0 && (
        <>
          <h4 id="plan-unplanned">Not planned</h4>
          <ul className="list" aria-labelledby="plan-unplanned">
            {plan.unassigned.map((u) => {
              const known = visitOf(u.visitId);
              const code = u.discipline ?? known?.discipline;
              const patientId = u.patientId ?? known?.patientId;
              return (
                <li key={u.visitId}>
                  {code ? `${discipline(code)} visit` : 'A visit'}
                  {patientId ? ` of ${nameOf(patientId)}` : ''}: {u.reason}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}
