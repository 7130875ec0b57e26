import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { OptimizerPanel } from './OptimizerPanel';
import { isoDate } from '../api';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** An EventSource the test drives: open, named events, close. */
class FakeEventSource {
  static CLOSED = 2;
  static last: FakeEventSource | null = null;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, ((m: MessageEvent<string>) => void)[]>();
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, listener: (m: MessageEvent<string>) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(name: string, data: unknown) {
    for (const l of this.listeners.get(name) ?? []) l(new MessageEvent(name, { data: JSON.stringify(data) }));
  }
}

const job = { id: 'job1', status: 'QUEUED', from: isoDate(), to: isoDate(), progress: [], best: null, failure: null };

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('the optimizer panel', () => {
  it('follows the job by server-sent events, shows the plan and applies it', async () => {
    const calls: { url: string; method: string; body?: string }[] = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit = {}) => {
        const method = (init.method ?? 'GET').toUpperCase();
        calls.push({ url, method, body: init.body as string | undefined });
        if (url.endsWith('/planning-jobs') && method === 'POST') return json(job, 202);
        if (url.endsWith('/planning-jobs/job1/plan')) {
          return json({
            feasible: false, hardViolations: 0, objective: 12.5, travelMinutes: 18,
            assignments: [
              { visitId: 'v1', patientId: 'jane', discipline: 'SN', clinicianId: 'nina', clinicianName: 'Nina Nurse', start: '2030-01-07T14:00:00Z', end: '2030-01-07T14:30:00Z', change: 'NEW' },
              { visitId: 'v2', patientId: 'jane', discipline: 'SN', clinicianId: 'nina', clinicianName: 'Nina Nurse', start: '2030-01-07T13:00:00Z', end: '2030-01-07T13:30:00Z', change: 'UNCHANGED' },
            ],
            unassigned: [{ visitId: 'v3', patientId: null, discipline: null, reason: 'no approved authorization' }],
          });
        }
        if (url.endsWith('/planning-jobs/job1/application')) return json({ jobId: 'job1', booked: ['v1'], refused: [] });
        return json({}, 404);
      }),
    );
    const onApplied = vi.fn();
    const names: Record<string, string> = { jane: 'Jane Doe' };
    render(
      <OptimizerPanel
        weekStart={isoDate()}
        nameOf={(id) => names[id] ?? 'Patient'}
        visitOf={(id) => (id === 'v3' ? { id, patientId: 'jane', discipline: 'PT', type: 'IN_HOME', earliest: '', latest: '', status: 'UNSCHEDULED' } : undefined)}
        onApplied={onApplied}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    await vi.waitFor(() => expect(FakeEventSource.last?.url).toBe('/console/api/scheduling/v1/planning-jobs/job1/events'));
    const events = FakeEventSource.last!;
    expect(events.init).toEqual({ withCredentials: true });
    expect(JSON.parse(calls[0].body!)).toMatchObject({ from: isoDate(), mode: 'OPTIMIZE' });
    expect(screen.getByRole('button', { name: 'Run the optimizer' })).toHaveProperty('disabled', true);

    act(() => {
      events.onopen?.();
      events.emit('progress', { atMillis: 100, hardViolations: 3, objective: 40 });
      events.emit('progress', { atMillis: 900, hardViolations: 0, objective: 25.5 });
    });
    expect(screen.getByText(/2 better plans found; the best so far breaks 0 hard rules, cost 25.5/)).toBeTruthy();
    act(() => {
      // a reconnection replays the progress from the start: not counted twice
      events.onopen?.();
      events.emit('progress', { atMillis: 100, hardViolations: 3, objective: 40 });
    });
    expect(screen.getByText(/^1 better plan found/)).toBeTruthy();

    act(() => events.emit('status', { ...job, status: 'DONE', progress: [], best: { assigned: 2, unassigned: 0, hardViolations: 0, objective: 12.5 } }));
    expect(events.closed).toBe(true);
    await screen.findByRole('heading', { name: 'Proposed plan' });
    expect(screen.getByRole('progressbar')).toHaveProperty('value', 100);
    expect(screen.getByText(/^1 visit to book or move \(1 new, 0 moved\), 1 left unplanned, about 18 minutes of travel\.$/)).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Visits the plan books or moves' }).textContent).toMatch(/Nursing for Jane Doe → Nina Nurse \(new\)/);
    expect(screen.getByText('Physical therapy visit of Jane Doe: no approved authorization')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Apply the plan' }));
    expect((await screen.findByText(/^Applied:/)).textContent).toBe('Applied: 1 visit booked.');
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect(calls.at(-1)).toMatchObject({ url: '/console/api/scheduling/v1/planning-jobs/job1/application', method: 'POST' });
    expect(screen.getByRole('button', { name: 'Apply the plan' })).toHaveProperty('disabled', true);
  });

  it('does not offer to plan a week that has passed', () => {
    vi.stubGlobal('fetch', vi.fn());
    render(<OptimizerPanel weekStart="2020-01-05" nameOf={() => 'Patient'} visitOf={() => undefined} onApplied={() => undefined} />);
    expect(screen.getByText('This week has passed; the optimizer plans from today on.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run the optimizer' })).toHaveProperty('disabled', true);
  });
});
