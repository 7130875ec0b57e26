import { useEffect, useRef, useState } from 'react';
import { api, CONSOLE, isoDate, post } from '../api';
import { formatDate } from '../shell/states';
import { discipline, type Visit } from '../types';
import { addDays, percentDone, planChanges, type JobView, type Plan } from './board';

interface Applied {
  booked: string[];
  refused: { visitId: string; detail?: string | null; violations?: { rule?: string; message?: string }[] | null }[];
}

const LIMIT_SECONDS = 10;
const FINISHED = new Set(['DONE', 'STOPPED', 'FAILED', 'APPLIED']);
const SHOWN_CHANGES = 12;

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Runs the optimizer over the shown week (from today when the week has begun): its progress arrives as server-sent
 * events, the finished plan is summarized, and Apply books it through the booking rules.
 */
export function OptimizerPanel({
  weekStart,
  nameOf,
  visitOf,
  onApplied,
}: {
  weekStart: string;
  nameOf: (patientId: string) => string;
  /** A visit on the board, to name what the plan leaves out when the planner does not. */
  visitOf: (visitId: string) => Visit | undefined;
  onApplied: () => void;
}) {
  const [job, setJob] = useState<JobView | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [applying, setApplying] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
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

  const from = laterOf(weekStart, isoDate());
  const to = addDays(weekStart, 6);
  const past = from > to;
  const finished = job !== null && FINISHED.has(job.status);
  useEffect(() => {
    if (!job || finished) return undefined;
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(tick);
  }, [job, finished]);

  const ended = async (done: JobView) => {
    stopFollowing();
    setJob(done);
    if (done.status === 'FAILED') {
      setMessage(`The optimizer failed: ${done.failure ?? 'no reason given'}.`);
      return;
    }
    try {
      setPlan(await api<Plan>(`/scheduling/v1/planning-jobs/${encodeURIComponent(done.id)}/plan`));
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

  const run = async () => {
    setMessage(null);
    setPlan(null);
    setApplied(null);
    try {
      const started = await post<JobView>('/scheduling/v1/planning-jobs', { from, to, timeLimitSeconds: LIMIT_SECONDS, mode: 'OPTIMIZE' });
      setStartedAt(Date.now());
      setNow(Date.now());
      setJob({ ...started, progress: started.progress ?? [] });
      follow(started);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The optimizer could not start.');
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
      setApplied(await post<Applied>(`/scheduling/v1/planning-jobs/${encodeURIComponent(job.id)}/application`));
      onApplied();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The plan could not be applied.');
    } finally {
      setApplying(false);
    }
  };

  const changes = plan ? planChanges(plan) : [];
  const percent = job ? percentDone(now - startedAt, LIMIT_SECONDS, finished) : 0;
  const latest = job && job.progress.length > 0 ? job.progress[job.progress.length - 1] : null;
  return (
    <section className="card optimizer" aria-labelledby="optimizer-title">
      <h2 id="optimizer-title">Optimizer</h2>
      {past ? (
        <p>This week has passed; the optimizer plans from today on.</p>
      ) : (
        <p>
          Plans the visits from {formatDate(from)} to {formatDate(to)}: who goes where and when, within hours, skills,
          authorizations and travel. Nothing is booked until you apply the plan.
        </p>
      )}
      <button type="button" onClick={run} disabled={past || (job !== null && !finished)}>
        Run the optimizer
      </button>{' '}
      {job && !finished && (
        <button type="button" onClick={stop}>
          Stop and keep the best plan
        </button>
      )}
      {job && (
        <div className="optimizer-progress">
          <label htmlFor="optimizer-progress">
            Search from {formatDate(job.from)} to {formatDate(job.to)} {finished ? 'finished' : 'in progress'}
          </label>
          <progress id="optimizer-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p role="status" aria-live="polite">
            {plural(job.progress.length, 'better plan')} found
            {latest && `; the best so far breaks ${plural(latest.hardViolations, 'hard rule')}, cost ${latest.objective}`}
            {finished && job.best && `; ${plural(job.best.assigned, 'visit')} placed`}
            {finished && ` · ${job.status.toLowerCase()}`}
          </p>
        </div>
      )}
      {plan && (
        <div className="plan-summary">
          <h3>Proposed plan</h3>
          <p>
            {plural(changes.length, 'visit')} to book or move ({changes.filter((c) => c.change === 'NEW').length} new,{' '}
            {changes.filter((c) => c.change === 'MOVED').length} moved), {plan.unassigned.length} left unplanned, about{' '}
            {plan.travelMinutes} minutes of travel
            {plan.hardViolations > 0 ? ` — the plan still breaks ${plural(plan.hardViolations, 'hard rule')}` : ''}.
          </p>
          {changes.length > 0 && (
            <ul className="list plan-changes" aria-label="Visits the plan books or moves">
              {changes.slice(0, SHOWN_CHANGES).map((a) => (
                <li key={a.visitId}>
                  {new Date(a.start).toLocaleString(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })}{' '}
                  · {discipline(a.discipline)} for {nameOf(a.patientId)} → {a.clinicianName} ({a.change === 'NEW' ? 'new' : 'moved'})
                </li>
              ))}
              {changes.length > SHOWN_CHANGES && <li>and {changes.length - SHOWN_CHANGES} more</li>}
            </ul>
          )}
          {plan.unassigned.length > 0 && (
            <>
              <h4>Not planned</h4>
              <ul className="list">
                {plan.unassigned.slice(0, SHOWN_CHANGES).map((u) => {
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
                {plan.unassigned.length > SHOWN_CHANGES && <li>and {plan.unassigned.length - SHOWN_CHANGES} more</li>}
              </ul>
            </>
          )}
          <button type="button" onClick={apply} disabled={applying || applied !== null || changes.length === 0}>
            {applying ? 'Applying…' : 'Apply the plan'}
          </button>
        </div>
      )}
      {applied && (
        <p role="status" className="applied">
          Applied: {plural(applied.booked.length, 'visit')} booked
          {applied.refused.length > 0 && `, ${applied.refused.length} refused by the booking rules and left as they were`}.
        </p>
      )}
      {applied && applied.refused.length > 0 && (
        <ul className="list">
          {applied.refused.slice(0, SHOWN_CHANGES).map((r) => (
            <li key={r.visitId}>
              Refused: {[r.detail, ...(r.violations ?? []).map((v) => v.message ?? v.rule)].filter(Boolean).join('; ') || 'the booking rules refused it'}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
    </section>
  );
}
