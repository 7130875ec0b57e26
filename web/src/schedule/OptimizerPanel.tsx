import { useEffect, useRef, useState } from 'react';
import { api, CONSOLE, isoDate, post } from '../api';
import { percentDone, type Progress } from './board';
import { discipline } from '../types';

interface JobView {
  id: string;
  status: 'QUEUED' | 'SOLVING' | 'DONE' | 'STOPPED' | 'FAILED';
  from: string;
  to: string;
  progress: Progress[];
  best?: { assigned: number; unassigned: number; hardViolations: number; objective: number } | null;
  failure?: string | null;
}

interface Plan {
  feasible: boolean;
  travelMinutes: number;
  assignments: { visitId: string; change: 'NEW' | 'MOVED' | 'UNCHANGED' | 'PINNED' }[];
  unassigned: { visitId: string; discipline: string; reason: string }[];
}

interface Applied {
  booked: string[];
  refused: { visitId: string; detail?: string }[];
}

const LIMIT_SECONDS = 10;
const FINISHED = new Set(['DONE', 'STOPPED', 'FAILED']);

function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

function plusDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return isoDate(new Date(y, m - 1, d + days));
}

/**
 * Runs the optimizer over the shown week (from today when the week has begun): its progress arrives as server-sent
 * events, the finished plan is summarized, and Apply books it through the booking rules.
 */
export function OptimizerPanel({ weekStart, onApplied }: { weekStart: string; onApplied: () => void }) {
  const [job, setJob] = useState<JobView | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const source = useRef<EventSource | null>(null);
  const [startedAt, setStartedAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  useEffect(() => () => source.current?.close(), []);

  const from = laterOf(weekStart, isoDate());
  const to = plusDays(weekStart, 6);
  const finished = job !== null && FINISHED.has(job.status);
  useEffect(() => {
    if (!job || finished) return undefined;
    const tick = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(tick);
  }, [job, finished]);

  const follow = (started: JobView) => {
    source.current?.close();
    const events = new EventSource(`${CONSOLE}/api/scheduling/v1/planning-jobs/${encodeURIComponent(started.id)}/events`, {
      withCredentials: true,
    });
    source.current = events;
    events.addEventListener('progress', (m) => {
      const progress = JSON.parse((m as MessageEvent<string>).data) as Progress;
      setJob((j) => (j ? { ...j, status: 'SOLVING', progress: [...j.progress, progress] } : j));
    });
    events.addEventListener('status', async (m) => {
      events.close();
      const done = JSON.parse((m as MessageEvent<string>).data) as JobView;
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
    });
    events.onerror = () => {
      // the stream ends after the status event; an error before that means the connection dropped: poll once
      if (events.readyState === EventSource.CLOSED) {
        api<JobView>(`/scheduling/v1/planning-jobs/${encodeURIComponent(started.id)}`).then(setJob, () => undefined);
      }
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

  const stop = () => job && post(`/scheduling/v1/planning-jobs/${encodeURIComponent(job.id)}/stop`).catch(() => undefined);

  const apply = async () => {
    if (!job) return;
    try {
      setApplied(await post<Applied>(`/scheduling/v1/planning-jobs/${encodeURIComponent(job.id)}/application`));
      onApplied();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'The plan could not be applied.');
    }
  };

  const changes = plan ? plan.assignments.filter((a) => a.change === 'NEW' || a.change === 'MOVED') : [];
  const percent = job ? percentDone(now - startedAt, LIMIT_SECONDS, finished) : 0;
  return (
    <section className="card optimizer" aria-labelledby="optimizer-title">
      <h2 id="optimizer-title">Optimizer</h2>
      <p>
        Plans the visits from {from} to {to}: who goes where and when, within hours, skills, authorizations and travel.
        Nothing is booked until you apply the plan.
      </p>
      <button type="button" onClick={run} disabled={job !== null && !finished}>
        Run the optimizer
      </button>{' '}
      {job && !finished && (
        <button type="button" onClick={stop}>
          Stop and keep the best plan
        </button>
      )}
      {job && (
        <div className="optimizer-progress">
          <label htmlFor="optimizer-progress">Search {finished ? 'finished' : 'in progress'}</label>
          <progress id="optimizer-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p role="status" aria-live="polite">
            {job.progress.length} better plan{job.progress.length === 1 ? '' : 's'} found
            {job.progress.length > 0 &&
              `; the best breaks ${job.progress[job.progress.length - 1].hardViolations} rule${job.progress[job.progress.length - 1].hardViolations === 1 ? '' : 's'}`}
            {finished && ` · ${job.status.toLowerCase()}`}
          </p>
        </div>
      )}
      {plan && (
        <div className="plan-summary">
          <h3>Proposed plan</h3>
          <p>
            {changes.length} visit{changes.length === 1 ? '' : 's'} to book or move ({changes.filter((c) => c.change === 'NEW').length} new,{' '}
            {changes.filter((c) => c.change === 'MOVED').length} moved), {plan.unassigned.length} left unplanned, about{' '}
            {plan.travelMinutes} minutes of travel.
          </p>
          {plan.unassigned.length > 0 && (
            <ul className="list">
              {plan.unassigned.slice(0, 5).map((u) => (
                <li key={u.visitId}>
                  {u.discipline ? `${discipline(u.discipline)} visit` : 'A visit'} not planned: {u.reason}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={apply} disabled={applied !== null || changes.length === 0}>
            Apply the plan
          </button>
        </div>
      )}
      {applied && (
        <p role="status" className="applied">
          Applied: {applied.booked.length} visit{applied.booked.length === 1 ? '' : 's'} booked
          {applied.refused.length > 0 && `, ${applied.refused.length} refused by the booking rules and left as they were`}.
        </p>
      )}
      {message && (
        <p role="alert" className="error">
          {message}
        </p>
      )}
    </section>
  );
}
