import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ScheduleBoard } from './ScheduleBoard';
import { instantOf } from './board';
import type { Board, Visit } from '../types';
import { manyPatients, pageOf } from '../testPages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  listed = { clinicians: roster, patients: [jane] };
});

const hours = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day, start: '08:00:00', end: '17:00:00' }));
const roster = [
  { id: 'nina', name: 'Nina Nurse', discipline: 'RN', hours, maxVisitsPerDay: 6, timeOff: [], active: true },
  { id: 'pete', name: 'Pete Therapist', discipline: 'PT', hours, maxVisitsPerDay: 6, timeOff: [], active: true },
];

const jane = { id: 'jane', givenName: 'Jane', familyName: 'Doe' };
/** What the fake services list, a page at a time. */
let listed: { clinicians: unknown[]; patients: unknown[] } = { clinicians: roster, patients: [jane] };

function booked(id: string, clinicianId: string, day: string, from: string, to: string): Visit {
  return {
    id, patientId: 'jane', discipline: 'SN', type: 'IN_HOME', earliest: '2030-01-06', latest: '2030-01-12', status: 'SCHEDULED',
    booking: { clinicianId, start: instantOf(day, from), end: instantOf(day, to) },
  };
}

const unassigned: Visit = {
  id: 'open1', patientId: 'jane', discipline: 'SN', type: 'IN_HOME', earliest: '2030-01-06', latest: '2030-01-12', status: 'UNSCHEDULED', booking: null,
};

const board: Board = {
  weekStart: '2030-01-06',
  booked: {
    '2030-01-07': [booked('a', 'nina', '2030-01-07', '09:00', '10:00'), booked('b', 'nina', '2030-01-07', '09:30', '10:30')],
    '2030-01-08': [booked('c', 'nina', '2030-01-08', '11:00', '11:30')],
  },
  unassigned: [unassigned],
};

const blockers = {
  weekStart: '2030-01-06',
  zone: 'America/New_York',
  visits: { open1: [{ rule: 'AUTHORIZATION_MISSING', message: 'the payer requires prior authorization for SN and none is approved for 2030-01-07' }] },
};

/** The slots the fake service offers: Nina at 10:00 and 14:30 (agency time) on any day asked. */
function offer(query: URLSearchParams) {
  const date = query.get('date')!;
  return {
    visitId: 'open1',
    date,
    zone: 'America/New_York',
    minutes: Number(query.get('minutes')),
    type: query.get('type'),
    clinicians: [
      {
        clinicianId: 'nina', name: 'Nina Nurse', discipline: 'RN', visitsThatDay: 2, visitsThatWeek: 5, maxVisitsPerDay: 6, why: [],
        slots: [
          { start: instantOf(date, '10:00'), end: instantOf(date, '11:00'), travelMinutesFromPrevious: 12 },
          { start: instantOf(date, '14:30'), end: instantOf(date, '15:30'), travelMinutesFromPrevious: query.get('type') === 'TELEHEALTH' ? 0 : 7 },
        ],
      },
    ],
    blockers: [],
  };
}

interface Call {
  url: string;
  method: string;
  headers: Headers;
  body?: string;
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** A fake scheduling and patient API: the booking answers come from `bookings`, one per PUT. */
function stubApi(bookings: Response[]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const call = { url, method: (init.method ?? 'GET').toUpperCase(), headers: new Headers(init.headers), body: init.body as string | undefined };
      calls.push(call);
      if (url.includes('/scheduling/v1/board/blockers')) return json(blockers);
      if (url.includes('/scheduling/v1/visits/open1/slots')) return json(offer(new URL(url, 'http://x').searchParams));
      if (url.includes('/scheduling/v1/board')) return json(board);
      if (url.includes('/scheduling/v1/clinicians')) return json(pageOf(listed.clinicians, url));
      if (url.includes('/patients/v1/patients')) return json(pageOf(listed.patients, url));
      if (url.endsWith('/scheduling/v1/visits/open1') && call.method === 'GET') return json(unassigned, 200, { ETag: '"4"' });
      if (url.endsWith('/scheduling/v1/visits/open1/booking')) return bookings.shift() ?? json({}, 500);
      return json({ title: 'Not found' }, 404);
    }),
  );
  return calls;
}

describe('the schedule board', () => {
  it('shows clinicians by day, visits as chips with patient names, conflicts in words and the unassigned lane', async () => {
    stubApi([]);
    render(<ScheduleBoard />);
    const table = await screen.findByRole('table', { name: 'Booked visits by clinician and day' });
    const nina = within(table).getByRole('row', { name: /^Nina Nurse/ });
    const chips = within(nina).getAllByRole('button');
    expect(chips).toHaveLength(3);
    expect(chips[0].textContent).toMatch(/SN · Jane Doe.*Conflict: overlaps another visit of the same clinician/);
    expect(chips[2].textContent).not.toMatch(/Conflict/);
    expect(within(table).getByRole('row', { name: /^Pete Therapist/ })).toBeTruthy();
    expect(screen.getByText('⚠ 2 visits have conflicts this week.')).toBeTruthy();
    const lane = screen.getByRole('region', { name: /^Unassigned/ });
    expect(within(lane).getByRole('button', { name: /^Assign Nursing visit of Jane Doe/ })).toBeTruthy();
  });

  it('names clinicians and patients beyond the first page of the roster and of the patients', async () => {
    const others = Array.from({ length: 230 }, (_, i) => ({ ...roster[1], id: `c${i}`, name: `Aaron ${String(i).padStart(3, '0')}` }));
    listed = { clinicians: [...others, roster[0]], patients: [...manyPatients(210), jane] };
    const calls = stubApi([]);
    render(<ScheduleBoard />);
    const table = await screen.findByRole('table', { name: 'Booked visits by clinician and day' });
    const nina = await within(table).findByRole('row', { name: /^Nina Nurse/ });
    await waitFor(() => expect(within(nina).getAllByRole('button')[0].textContent).toMatch(/SN · Jane Doe/));
    expect(calls.map((c) => c.url)).toContain('/console/api/scheduling/v1/clinicians?page=1&size=200');
    expect(calls.map((c) => c.url)).toContain('/console/api/patients/v1/patients?page=1&size=200');
  });

  it('books an unassigned visit with the ETag read, shows a refusal as sentences and reloads the board after booking', async () => {
    const calls = stubApi([
      json(
        {
          status: 422,
          title: 'Rules violated',
          detail: 'The booking breaks 1 rule',
          violations: [{ rule: 'AUTHORIZATION', message: 'no approved SN authorization covers the day' }],
        },
        422,
      ),
      json({ ...unassigned, status: 'SCHEDULED', booking: { clinicianId: 'nina', start: 'x', end: 'y' } }),
    ]);
    render(<ScheduleBoard />);
    fireEvent.click(await screen.findByRole('button', { name: /^Assign Nursing visit of Jane Doe/ }));
    const panel = screen.getByRole('region', { name: 'Assign the Nursing visit of Jane Doe' });
    const clinician = await within(panel).findByLabelText('Clinician');
    // only the qualified clinician is offered for a nursing visit
    expect(within(clinician).getAllByRole('option').map((o) => o.textContent)).toEqual(['Nina Nurse (RN)']);
    fireEvent.change(within(panel).getByLabelText('Day'), { target: { value: '2030-01-09' } });
    fireEvent.change(within(panel).getByLabelText(/^Start/), { target: { value: '13:00' } });
    fireEvent.change(within(panel).getByLabelText('Minutes'), { target: { value: '30' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'The booking breaks 1 rule. No approved SN authorization covers the day.',
    );
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(put.body!)).toEqual({
      clinicianId: 'nina',
      start: instantOf('2030-01-09', '13:00'),
      end: instantOf('2030-01-09', '13:30'),
      type: 'IN_HOME',
    });

    const boardLoads = calls.filter((c) => c.url.includes('/board?')).length;
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: /Assign the Nursing visit/ })).toBeNull());
    await vi.waitFor(() => expect(calls.filter((c) => c.url.includes('/board?')).length).toBe(boardLoads + 1));
  });

  it('refuses a day outside the visit window before calling the service', async () => {
    const calls = stubApi([]);
    render(<ScheduleBoard />);
    fireEvent.click(await screen.findByRole('button', { name: /^Assign Nursing visit of Jane Doe/ }));
    const panel = screen.getByRole('region', { name: 'Assign the Nursing visit of Jane Doe' });
    fireEvent.change(await within(panel).findByLabelText('Day'), { target: { value: '2030-01-20' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe("Choose a day from 2030-01-06 to 2030-01-12, the visit's window.");
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('moves by weeks', async () => {
    const calls = stubApi([]);
    render(<ScheduleBoard />);
    await screen.findByRole('table');
    const first = new URL(calls.find((c) => c.url.includes('/board?'))!.url, 'http://x').searchParams.get('week')!;
    fireEvent.click(screen.getByRole('button', { name: 'Next week →' }));
    await vi.waitFor(() => expect(calls.filter((c) => c.url.includes('/board?')).length).toBe(2));
    const second = new URL(calls.filter((c) => c.url.includes('/board?'))[1].url, 'http://x').searchParams.get('week')!;
    expect((Date.parse(second) - Date.parse(first)) / 86400000).toBe(7);
    expect(new Date(`${first}T12:00:00`).getDay()).toBe(0); // weeks start on Sunday
  });

  it('says in the rules\' words what blocks an unassigned visit, and which order it belongs to', async () => {
    stubApi([]);
    render(<ScheduleBoard />);
    const lane = await screen.findByRole('region', { name: /^Unassigned/ });
    const blocked = await within(lane).findByText(/Blocked:/);
    expect(blocked.textContent).toBe('⛔ Blocked: The payer requires prior authorization for SN and none is approved for 2030-01-07.');
    expect(within(lane).getByRole('button', { name: /^Assign Nursing visit of Jane Doe/ }).getAttribute('aria-label')).toMatch(/plan version|added by hand/);
  });

  it('offers free slots with load and travel; choosing one fills the form and moves to Book (keyboard)', async () => {
    const calls = stubApi([
      json({ ...unassigned, status: 'SCHEDULED', booking: { clinicianId: 'nina', start: instantOf('2030-01-09', '14:30'), end: instantOf('2030-01-09', '15:30') } }),
    ]);
    render(<ScheduleBoard />);
    const assign = await screen.findByRole('button', { name: /^Assign Nursing visit of Jane Doe/ });
    assign.focus();
    fireEvent.click(assign);
    const panel = screen.getByRole('region', { name: 'Assign the Nursing visit of Jane Doe' });
    // the panel opens in the visit's row, heading focused
    expect(assign.closest('li')!.contains(panel)).toBe(true);
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('booking-title'));
    fireEvent.change(await within(panel).findByLabelText('Day'), { target: { value: '2030-01-09' } });
    expect((await within(panel).findByText('2 of 6 visits that day, 5 visits this week')).textContent).toBeTruthy();
    const slot = await within(panel).findByRole('button', { name: /^2:30 PM \S+ with Nina Nurse, 7 min travel$/ });
    fireEvent.click(slot);
    expect((within(panel).getByLabelText(/^Start/) as HTMLInputElement).value).toBe('14:30');
    expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Book' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body!).start).toBe(instantOf('2030-01-09', '14:30'));
    // the panel closes; the board says what was booked, and the keyboard focus is on that sentence
    await vi.waitFor(() => expect(screen.queryByRole('region', { name: /Assign the Nursing visit/ })).toBeNull());
    const notice = await screen.findByText(/^Booked: the Nursing visit of Jane Doe with Nina Nurse on .* at 2:30 PM \S+\.$/);
    await vi.waitFor(() => expect(document.activeElement).toBe(notice));
  });

  it('books a telehealth visit with its link, and asks for the link first', async () => {
    const calls = stubApi([json({ ...unassigned, status: 'SCHEDULED', type: 'TELEHEALTH', booking: { clinicianId: 'nina', start: 'x', end: 'y' } })]);
    render(<ScheduleBoard />);
    fireEvent.click(await screen.findByRole('button', { name: /^Assign Nursing visit of Jane Doe/ }));
    const panel = screen.getByRole('region', { name: 'Assign the Nursing visit of Jane Doe' });
    fireEvent.change(await within(panel).findByLabelText('Visit type'), { target: { value: 'TELEHEALTH' } });
    fireEvent.change(within(panel).getByLabelText('Day'), { target: { value: '2030-01-09' } });
    await within(panel).findByRole('button', { name: /with Nina Nurse, no travel$/ });
    expect(calls.some((c) => c.url.includes('type=TELEHEALTH'))).toBe(true);
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe('A telehealth visit needs its video link, starting with https://.');
    fireEvent.change(within(panel).getByLabelText('Video link'), { target: { value: 'https://video.example/jane' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Book' }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(JSON.parse(calls.find((c) => c.method === 'PUT')!.body!)).toMatchObject({ type: 'TELEHEALTH', telehealthLink: 'https://video.example/jane' });
  });

  it('closes with Escape', async () => {
    stubApi([]);
    render(<ScheduleBoard />);
    fireEvent.click(await screen.findByRole('button', { name: /^Assign Nursing visit of Jane Doe/ }));
    const panel = screen.getByRole('region', { name: 'Assign the Nursing visit of Jane Doe' });
    fireEvent.keyDown(await within(panel).findByLabelText('Day'), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: /Assign the Nursing visit/ })).toBeNull();
  });
});
