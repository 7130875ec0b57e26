import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { OptimizerPanel } from './OptimizerPanel';
import { isoDate } from '../api';
import { addDays, sundayOf } from './board';

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

const plan = {
  jobId: 'job1', feasible: false, hardViolations: 0, objective: 12.5, travelMinutes: 18, zone: 'America/New_York',
  achieves: { scopedVisits: 3, plannedVisits: 2, bookedNow: 1, travelMinutes: 18, travelMinutesNow: 25, continuityPercent: 100, continuityPercentNow: 50 },
  assignments: [
    { visitId: 'v1', patientId: 'jane', discipline: 'SN', clinicianId: 'nina', clinicianName: 'Nina Nurse', start: '2030-01-07T14:05:00Z', end: '2030-01-07T14:35:00Z', change: 'NEW',
      explanation: { travelMinutesFromPrevious: 12, seenPatientBefore: true, preferredClinician: false, qualifiedClinicianDays: 3,
        drivers: ['continuity of care: this clinician has seen the patient', '12 min of travel from the previous stop'] } },
    { visitId: 'v4', patientId: 'jane', discipline: 'PT', clinicianId: 'pete', clinicianName: 'Pete Therapist', start: '2030-01-07T16:00:00Z', end: '2030-01-07T17:00:00Z', change: 'MOVED',
      explanation: { travelMinutesFromPrevious: 6, seenPatientBefore: false, preferredClinician: false, qualifiedClinicianDays: 1, drivers: ['few options: 1 qualified clinician-day(s)'] } },
    { visitId: 'v5', patientId: 'jane', discipline: 'OT', clinicianId: 'olga', clinicianName: 'Olga OT', start: '2030-01-07T18:00:00Z', end: '2030-01-07T19:00:00Z', change: 'NEW', explanation: null },
    { visitId: 'v2', patientId: 'jane', discipline: 'SN', clinicianId: 'nina', clinicianName: 'Nina Nurse', start: '2030-01-07T13:00:00Z', end: '2030-01-07T13:30:00Z', change: 'PINNED' },
  ],
  unassigned: [{ visitId: 'v3', patientId: null, discipline: null, reason: 'no approved authorization' }],
};

type Call = { url: string; method: string; body?: string; headers?: Headers };

/** A fetch that answers the planning API (and the roster) and records every call. */
function fakeApi(calls: Call[], overrides: (url: string, method: string) => Response | undefined = () => undefined) {
  return vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    calls.push({ url, method, body: init.body as string | undefined, headers: new Headers(init.headers) });
    const special = overrides(url, method);
    if (special) return special;
    if (url.endsWith('/planning-jobs') && method === 'POST') return json(job, 202);
    if (url.endsWith('/planning-jobs/job1/plan')) return json(plan);
    if (url.endsWith('/planning-jobs/job1/application')) return json({ jobId: 'job1', booked: ['v1', 'v4'], refused: [] });
    return json({}, 404);
  });
}

function panel(onApplied = vi.fn()) {
  const names: Record<string, string> = { jane: 'Jane Doe', john: 'John Roe' };
  render(
    <OptimizerPanel
      weekStart={isoDate()}
      nameOf={(id) => names[id] ?? 'Patient'}
      visitOf={(id) => (id === 'v3' ? { id, patientId: 'jane', discipline: 'PT', type: 'IN_HOME', earliest: '', latest: '', status: 'UNSCHEDULED' } : undefined)}
      onApplied={onApplied}
      patients={[{ id: 'jane', name: 'Jane Doe' }, { id: 'john', name: 'John Roe' }]}
      clinicians={[{ id: 'nina', name: 'Nina Nurse', discipline: 'RN' }, { id: 'ron', name: 'Ron Nurse', discipline: 'RN' }]}
    />,
  );
  return onApplied;
}

async function finish(events: FakeEventSource) {
  act(() => events.emit('status', { ...job, status: 'DONE', progress: [], best: { assigned: 3, unassigned: 1, hardViolations: 0, objective: 12.5 } }));
  await screen.findByRole('heading', { name: 'Proposed plan' });
}

describe('the optimizer panel', { timeout: 20_000 }, () => {
  it('follows the job by server-sent events, explains the plan, and applies only the accepted and pinned visits', async () => {
    const calls: Call[] = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', fakeApi(calls));
    const onApplied = panel();
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    await vi.waitFor(() => expect(FakeEventSource.last?.url).toBe('/console/api/scheduling/v1/planning-jobs/job1/events'));
    const events = FakeEventSource.last!;
    expect(events.init).toEqual({ withCredentials: true });
    expect(JSON.parse(calls[0].body!)).toEqual({ from: isoDate(), to: addDays(isoDate(), 6), mode: 'OPTIMIZE', timeLimitSeconds: 10 });
    expect(screen.getByRole('button', { name: 'Run the optimizer' })).toHaveProperty('disabled', true);

    act(() => {
      events.onopen?.();
      events.emit('progress', { atMillis: 100, hardViolations: 3, objective: 40 });
      events.emit('progress', { atMillis: 900, hardViolations: 0, objective: 25.5 });
    });
    expect(screen.getByText(/^2 better plans found; the best so far breaks 0 hard rules$/)).toBeTruthy();
    expect(screen.queryByText(/cost/)).toBeNull();
    act(() => {
      // a reconnection replays the progress from the start: not counted twice
      events.onopen?.();
      events.emit('progress', { atMillis: 100, hardViolations: 3, objective: 40 });
    });
    expect(screen.getByText(/^1 better plan found/)).toBeTruthy();

    await finish(events);
    expect(events.closed).toBe(true);
    expect(screen.getByRole('progressbar')).toHaveProperty('value', 100);
    expect(screen.getByText(/^3 visits to book or move \(2 new, 1 moved\), 1 left unplanned, 1 visit kept as booked\.$/)).toBeTruthy();
    const achieves = screen.getByRole('list', { name: 'What the plan achieves' }).textContent;
    expect(achieves).toContain('Visits planned: 2 of 3 (now 1 booked)');
    expect(achieves).toContain('Travel: 18 minutes for 2 visits (now 25 minutes for 1 visit booked)');
    expect(achieves).toContain('Continuity of care: 100% of visits');
    const table = screen.getByRole('table', { name: /Visits the plan books or moves/ });
    // 14:05 UTC is 9:05 AM in New York, whatever the zone of the machine running the test; no seconds
    expect(within(table).getByText('Mon, Jan 7, 9:05 AM')).toBeTruthy();
    expect(table.textContent).toContain('Continuity of care: this clinician has seen the patient');
    expect(table.textContent).toContain('Few options: 1 qualified clinician-day(s)');
    expect(table.textContent).not.toMatch(/:\d\d:\d\d/);
    expect(screen.getByText('Physical therapy visit of Jane Doe: no approved authorization')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Decision for Nursing visit of Jane Doe, Mon, Jan 7, 9:05 AM'), { target: { value: 'pin' } });
    fireEvent.change(screen.getByLabelText(/^Decision for Occupational therapy visit of Jane Doe/), { target: { value: 'exclude' } });
    expect(screen.getByText(/^1 accepted, 1 pinned, 1 excluded/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Apply the plan' }));
    expect((await screen.findByText(/^Applied:/)).textContent).toBe('Applied: 2 visits booked; 1 pinned visit kept in the next run.');
    expect(onApplied).toHaveBeenCalledTimes(1);
    const application = calls.find((c) => c.url.endsWith('/application'))!;
    expect(application.method).toBe('POST');
    expect(JSON.parse(application.body!).visitIds.sort()).toEqual(['v1', 'v4']);
    expect(screen.getByRole('button', { name: 'Apply the plan' })).toHaveProperty('disabled', true);

    // the pinned visit goes back as a pin in the next run
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    await vi.waitFor(() => expect(calls.filter((c) => c.url.endsWith('/planning-jobs') && c.method === 'POST')).toHaveLength(2));
    expect(JSON.parse(calls.filter((c) => c.url.endsWith('/planning-jobs')).at(-1)!.body!).pinnedVisitIds).toEqual(['v1']);
  });

  it('scopes a job to a patient, a discipline and dates, and says what is wrong with a scope before asking', async () => {
    const calls: Call[] = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', fakeApi(calls));
    panel();
    fireEvent.change(screen.getByLabelText('Patient'), { target: { value: 'jane' } });
    fireEvent.change(screen.getByLabelText('Discipline'), { target: { value: 'SN' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: addDays(isoDate(), -1) } });
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    expect(screen.getByRole('alert').textContent).toBe('The last day comes before the first day.');
    expect(calls).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('To'), { target: { value: addDays(isoDate(), 2) } });
    fireEvent.click(screen.getByLabelText('May move booked visits'));
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(JSON.parse(calls[0].body!)).toEqual({
      from: isoDate(), to: addDays(isoDate(), 2), mode: 'OPTIMIZE', timeLimitSeconds: 10,
      patientIds: ['jane'], disciplines: ['SN'], moveBookedVisits: true,
    });
    expect(await screen.findByText(/for Jane Doe, Nursing in progress/)).toBeTruthy();
  });

  it('offers to follow the job that already plans an overlapping range', async () => {
    const calls: Call[] = [];
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', fakeApi(calls, (url, method) => {
      if (url.endsWith('/planning-jobs') && method === 'POST') {
        return new Response(JSON.stringify({ status: 409, detail: 'Planning job other is already planning these days', runningJobId: 'other' }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      }
      if (url.endsWith('/planning-jobs/other')) return json({ ...job, id: 'other', status: 'SOLVING' });
      return undefined;
    }));
    panel();
    fireEvent.click(screen.getByRole('button', { name: 'Run the optimizer' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Planning job other is already planning these days.');
    fireEvent.click(screen.getByRole('button', { name: 'Follow the running job' }));
    await vi.waitFor(() => expect(FakeEventSource.last?.url).toBe('/console/api/scheduling/v1/planning-jobs/other/events'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('records a sick call on the roster with If-Match and repairs that day', async () => {
    const calls: Call[] = [];
    const day = addDays(isoDate(), 1);
    const ron = { id: 'ron', name: 'Ron Nurse', discipline: 'RN', timeOff: [], hours: [], active: true };
    vi.stubGlobal('EventSource', FakeEventSource);
    vi.stubGlobal('fetch', fakeApi(calls, (url, method) => {
      if (url.endsWith('/clinicians/ron') && method === 'GET') return new Response(JSON.stringify(ron), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"4"' } });
      if (url.endsWith('/clinicians/ron') && method === 'PUT') return json({ ...ron, timeOff: [{ from: day, to: day }] });
      if (url.endsWith('/planning-jobs') && method === 'POST') return json({ ...job, mode: 'REPAIR' }, 202);
      return undefined;
    }));
    panel();
    fireEvent.change(screen.getByLabelText('Sick clinician'), { target: { value: 'ron' } });
    fireEvent.change(screen.getByLabelText('Sick day'), { target: { value: day } });
    fireEvent.click(screen.getByRole('button', { name: 'Plan around the sick call' }));
    await vi.waitFor(() => expect(calls.some((c) => c.url.endsWith('/planning-jobs'))).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers!.get('If-Match')).toBe('"4"');
    expect(JSON.parse(put.body!)).toEqual({ name: 'Ron Nurse', discipline: 'RN', timeOff: [{ from: day, to: day }], hours: [], active: true });
    expect(JSON.parse(calls.at(-1)!.body!)).toEqual({ from: day, to: addDays(sundayOf(day), 6), mode: 'REPAIR' });
    expect(await screen.findByText(/^Repair from .* for Ron Nurse called in sick for .* in progress$/)).toBeTruthy();
    await finish(FakeEventSource.last!);
    expect(screen.getByRole('button', { name: 'Apply the plan' })).toHaveProperty('disabled', false);
  });

  it('does not offer to plan a week that has passed', () => {
    vi.stubGlobal('fetch', vi.fn());
    render(<OptimizerPanel weekStart="2020-01-05" nameOf={() => 'Patient'} visitOf={() => undefined} onApplied={() => undefined} />);
    expect(screen.getByText('This week has passed; the optimizer plans from today on.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Run the optimizer' })).toHaveProperty('disabled', true);
  });
});
