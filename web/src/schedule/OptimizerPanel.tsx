import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, CONSOLE, isoDate, post } from '../api';
import { formatDate } from '../shell/states';
import { discipline, type Visit } from '../types';
import { addDays, percentDone, planChanges, type JobView, type RosterClinician } from './board';
import { PlanReview, type ExplainedPlan } from './optimizer/PlanReview';
import { SickCallForm } from './optimizer/SickCall';
import {
  decisionSummary,
  initialDecisions,
  jobRequest,
  pinned,
  plural,
  scopeProblem,
  toApply,
  type Decision,
  type Scope,
} from './optimizer/plan';
import { recordSickDay, repairRequest } from './optimizer/sickCall';

interface Applied {
  booked: string[];
  refused: { visitId: string; detail?: string | null; violations?: { rule?: string; message?: string }[] | null }[];
}

const LIMIT_SECONDS = 10;
const REPAIR_SECONDS = 2;
const FINISHED = new Set(['DONE', 'STOPPED', 'FAILED', 'APPLIED', 'INTERRUPTED']);
const DISCIPLINES = ['SN', 'PT', 'OT', 'ST', 'MSW', 'HHA', 'RD'];

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Runs the optimizer over a scope (by default the shown week from today, every patient and discipline), or repairs a
 * day after a clinician called in sick: progress arrives as server-sent events, the finished plan is explained visit
 * by visit, the coordinator accepts, pins or excludes each, and Apply books the accepted and pinned ones through the
 * booking rules.
 */
export function OptimizerPanel({
  weekStart,
  nameOf,
  visitOf,
  onApplied,
  patients = [],
  clinicians = [],
}: {
  weekStart: string;
  nameOf: (patientId: string) => string;
  /** A visit on the board, to name what the plan leaves out when the planner does not. */
  visitOf: (visitId: string) => Visit | undefined;
  onApplied: () => void;
  /** Patients to scope a job to. */
  patients?: { id: string; name: string }[];
  /** The roster, for the sick call. */
  clinicians?: RosterClinician[];
}) {
  const today = isoDate();
  const weekFrom = laterOf(weekStart, today);
  const weekTo = addDays(weekStart, 6);
  const past = weekFrom > weekTo;
  const [scope, setScope] = useState<Scope>({ from: weekFrom, to: weekTo, patientId: '', discipline: '', moveBooked: false });
  useEffect(() => setScope((s) => ({ ...s, from: weekFrom, to: weekTo })), [weekFrom, weekTo]);
  const [job, setJob] = useState<JobView | null>(null);
  const [purpose, setPurpose] = useState<string>('');
  const [limit, setLimit] = useState(LIMIT_SECONDS);
  const [plan, setPlan] = useState<ExplainedPlan | null>(null);
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [pins, setPins] = useState<string[]>([]);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [applying, setApplying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [runningJobId, setRunningJobId] = useState<string | null>(null);
  const source = useRef<EventSource | null>(null);
  const polling = useRef<number | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const stopFollowing = () => {
    source.current?.close();
    source.current = null;
    if (polling.current !== null) window.clearInterval(polling.current);
    polling.current = null;
  };
  useEffect(() => stopFollowing, []);

  const finished = job !== null && FINISHED.has(job.status);
  const busy = job !== null && !finished;
  useEffect(() => {
    if (!job || finished) return undefined;
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(tick);
  }, [job, finished]);

  const ended = async (done: JobView) => {
    stopFollowing();
    setJob(done);
    if (done.status === 'FAILED' || done.status === 'INTERRUPTED') {
      setMessage(`The optimizer ${done.status === 'FAILED' ? 'failed' : 'was interrupted'}: ${done.failure ?? 'no reason given'}.`);
      return;
    }
    try {
      const read = await api<ExplainedPlan>(`/scheduling/v1/planning-jobs/${encodeURIComponent(done.id)}/plan`);
      setPlan(read);
      // pins of earlier runs stay pins in an optimization; a repair after a sick call moves what it must
      const carried = done.mode === 'REPAIR' ? [] : pins.filter((p) => planChanges(read).some((c) => c.visitId === p));
      setDecisions({ ...initialDecisions(planChanges(read)), ...Object.fromEntries(carried.map((p) => [p, 'pin' as Decision])) });
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The plan could not be read.');
    }
  };

  /** Without the stream (a proxy that cuts it, say): ask for the job's state every second until it ends. */
  const poll = (jobId: string) => {
    if (polling.current !== null) return;
    polling.current = window.setInterval(() => {
      api<JobView>(`/scheduling/v1/planning-jobs/${encodeURIComponent(jobId)}`).then(
        (view) => (FINISHED.has(view.status) ? ended(view) : setJob(view)),
        () => undefined,
      );
    }, 1000);
  };

  const follow = (started: JobView) => {
    stopFollowing();
    const events = new EventSource(`${CONSOLE}/api/scheduling/v1/planning-jobs/${encodeURIComponent(started.id)}/events`, {
      withCredentials: true,
    });
    source.current = events;
    // every connection replays the job's progress from its first better plan
    events.onopen = () => setJob((j) => (j ? { ...j, progress: [] } : j));
    events.addEventListener('progress', (m) => {
      const progress = JSON.parse((m as MessageEvent<string>).data) as JobView['progress'][number];
      setJob((j) => (j ? { ...j, status: 'SOLVING', progress: [...j.progress, progress] } : j));
    });
    events.addEventListener('status', (m) => {
      void ended(JSON.parse((m as MessageEvent<string>).data) as JobView);
    });
    events.onerror = () => {
      // the stream ends after the status event; closed before that, it is followed by polling instead
      if (events.readyState === EventSource.CLOSED && source.current === events) poll(started.id);
    };
  };

  const begin = (started: JobView, seconds: number, what: string) => {
    setPurpose(what);
    setLimit(seconds);
    setStartedAt(Date.now());
    setNow(Date.now());
    setJob({ ...started, progress: started.progress ?? [] });
    follow(started);
  };

  const reset = () => {
    setMessage(null);
    setRunningJobId(null);
    setPlan(null);
    setApplied(null);
    setDecisions({});
  };

  const start = async (body: object, seconds: number, what: string) => {
    reset();
    try {
      begin(await post<JobView>('/scheduling/v1/planning-jobs', body), seconds, what);
    } catch (e) {
      // another job of the agency plans an overlapping range (perhaps a colleague's): offer to follow it
      const running = e instanceof ApiError && e.status === 409 ? (e.problem as { runningJobId?: string } | undefined)?.runningJobId : undefined;
      setRunningJobId(running ?? null);
      setMessage(e instanceof Error ? e.message : 'The optimizer could not start.');
    }
  };

  const run = (e?: FormEvent) => {
    e?.preventDefault();
    const problem = scopeProblem(scope, today);
    if (problem) {
      setMessage(problem);
      return;
    }
    const who = scope.patientId ? nameOf(scope.patientId) : 'every patient';
    const which = scope.discipline ? discipline(scope.discipline) : 'every discipline';
    void start(jobRequest(scope, LIMIT_SECONDS, pins), LIMIT_SECONDS, `${who}, ${which}`);
  };

  const followRunning = async () => {
    if (!runningJobId) return;
    try {
      const running = await api<JobView>(`/scheduling/v1/planning-jobs/${encodeURIComponent(runningJobId)}`);
      reset();
      begin(running, LIMIT_SECONDS, 'a job started earlier');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The running job could not be read.');
    }
  };

  const sickCall = async (clinician: RosterClinician, day: string) => {
    reset();
    try {
      const recorded = await recordSickDay(clinician.id, day);
      await start(repairRequest(day), REPAIR_SECONDS, `${clinician.name} called in sick for ${formatDate(day)}${recorded ? '' : ' (already off that day)'}`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The sick call could not be recorded.');
    }
  };

  const stop = async () => {
    if (!job) return;
    try {
      await post(`/scheduling/v1/planning-jobs/${encodeURIComponent(job.id)}/stop`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The optimizer could not be stopped.');
    }
  };

  const apply = async () => {
    if (!job) return;
    setApplying(true);
    setMessage(null);
    try {
      setApplied(await post<Applied>(`/scheduling/v1/planning-jobs/${encodeURIComponent(job.id)}/application`, { visitIds: toApply(decisions) }));
      if (job.mode !== 'REPAIR') setPins(pinned(decisions));
      onApplied();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The plan could not be applied.');
    } finally {
      setApplying(false);
    }
  };

  const changes = plan ? planChanges(plan) : [];
  const percent = job ? percentDone(now - startedAt, limit, finished) : 0;
  const latest = job && job.progress.length > 0 ? job.progress[job.progress.length - 1] : null;
  const chosen = toApply(decisions).length;
  return (
    <section className="card optimizer" aria-labelledby="optimizer-title">
      <h2 id="optimizer-title">Optimizer</h2>
      {past && <p>This week has passed; the optimizer plans from today on.</p>}
      <p>
        Plans who goes where and when, within hours, skills, authorizations and travel; visits already booked stay
        unless you let it move them. Nothing is booked until you apply the plan.
      </p>
      <form className="booking-form optimizer-scope" aria-label="What to plan" onSubmit={run} noValidate>
        <label>
          From
          <input type="date" value={scope.from} min={today} onChange={(e) => setScope({ ...scope, from: e.target.value })} />
        </label>
        <label>
          To
          <input type="date" value={scope.to} min={scope.from} onChange={(e) => setScope({ ...scope, to: e.target.value })} />
        </label>
        <label>
          Patient
          <select value={scope.patientId} onChange={(e) => setScope({ ...scope, patientId: e.target.value })}>
            <option value="">Every patient</option>
            {patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Discipline
          <select value={scope.discipline} onChange={(e) => setScope({ ...scope, discipline: e.target.value })}>
            <option value="">Every discipline</option>
            {DISCIPLINES.map((d) => (
              <option key={d} value={d}>
                {discipline(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={scope.moveBooked} onChange={(e) => setScope({ ...scope, moveBooked: e.target.checked })} /> May
          move booked visits
        </label>
        <button type="submit" disabled={past || busy}>
          Run the optimizer
        </button>
        {pins.length > 0 && <span className="muted">{plural(pins.length, 'pinned visit')} kept in the next run</span>}
      </form>
      {job && !finished && (
        <button type="button" onClick={stop}>
          Stop and keep the best plan
        </button>
      )}
      {job && (
        <div className="optimizer-progress">
          <label htmlFor="optimizer-progress">
            {job.mode === 'REPAIR' ? 'Repair' : 'Search'} from {formatDate(job.from)} to {formatDate(job.to)}
            {purpose ? ` for ${purpose}` : ''} {finished ? 'finished' : 'in progress'}
          </label>
          <progress id="optimizer-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p role="status" aria-live="polite">
            {plural(job.progress.length, 'better plan')} found
            {latest && `; the best so far breaks ${plural(latest.hardViolations, 'hard rule')}`}
            {finished && job.best && `; ${plural(job.best.assigned, 'visit')} placed`}
            {finished && ` · ${job.status.toLowerCase()}`}
          </p>
        </div>
      )}
      {plan && (
        <div className="plan-summary" role="region" aria-labelledby="plan-title">
          <h3 id="plan-title">Proposed plan</h3>
          <PlanReview
            plan={plan}
            changes={changes}
            decisions={decisions}
            onDecide={(visitId, d) => setDecisions({ ...decisions, [visitId]: d })}
            nameOf={nameOf}
            visitOf={visitOf}
            locked={applied !== null}
          />
          {changes.length > 0 && <p className="muted">{decisionSummary(decisions)}: Apply books the accepted and pinned visits.</p>}
          <button type="button" onClick={apply} disabled={applying || applied !== null || chosen === 0}>
            {applying ? 'Applying…' : 'Apply the plan'}
          </button>
        </div>
      )}
      {applied && (
        <p role="status" className="applied">
          Applied: {plural(applied.booked.length, 'visit')} booked
          {applied.refused.length > 0 && `, ${applied.refused.length} refused by the booking rules and left as they were`}
          {job?.mode !== 'REPAIR' && pins.length > 0 && `; ${plural(pins.length, 'pinned visit')} kept in the next run`}.
        </p>
      )}
      {applied && applied.refused.length > 0 && (
        <ul className="list">
          {applied.refused.map((r) => (
            <li key={r.visitId}>
              Refused: {[r.detail, ...(r.violations ?? []).map((v) => v.message ?? v.rule)].filter(Boolean).join('; ') || 'the booking rules refused it'}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role="alert" className="error">
          {message}
          {runningJobId && (
            <>
              {' '}
              <button type="button" onClick={followRunning}>
                Follow the running job
              </button>
            </>
          )}
        </p>
      )}
      <SickCallForm clinicians={clinicians} defaultDay={addDays(today, 1)} minDay={today} busy={busy} onSickCall={(c, d) => void sickCall(c, d)} />
    </section>
  );
}
