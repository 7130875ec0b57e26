import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { RosterPage } from './RosterPage';
import { isoDate } from '../api';
import { addDays } from '../schedule/board';
import { pageOf } from '../testPages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const today = isoDate();
const pete = {
  id: 'pete',
  subject: 'pete-sub',
  name: 'Pete Therapist',
  discipline: 'PT',
  skills: ['gait-training'],
  certifications: [
    { name: 'CPR', expiresOn: addDays(today, 400) },
    { name: 'BLS', expiresOn: addDays(today, -3) },
  ],
  homeBase: { latitude: 39.8, longitude: -89.65 },
  hours: [{ day: 'MONDAY', start: '08:00:00', end: '17:00:00' }],
  maxVisitsPerDay: 6,
  timeOff: [],
  active: true,
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers } });
}

function stub(put: Response) {
  const calls: { url: string; method: string; headers: Headers; body?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = (init.method ?? 'GET').toUpperCase();
      calls.push({ url, method, headers: new Headers(init.headers), body: init.body as string | undefined });
      if (url.includes('/scheduling/v1/clinicians?')) return json({ items: [pete], page: 0, size: 200, totalItems: 1, totalPages: 1 });
      if (url.endsWith('/scheduling/v1/clinicians/pete') && method === 'GET') return json(pete, 200, { ETag: '"7"' });
      if (url.endsWith('/scheduling/v1/clinicians/pete') && method === 'PUT') return put;
      return json({ title: 'Not found' }, 404);
    }),
  );
  return calls;
}

describe('the roster', () => {
  it('lists clinicians with disciplines, skills, hours and certification warnings in words', async () => {
    stub(json({}));
    render(<RosterPage />);
    const table = await screen.findByRole('table', { name: 'Clinicians on the roster' });
    const row = within(table).getByRole('row', { name: /Pete Therapist/ });
    expect(row.textContent).toContain('gait-training');
    expect(row.textContent).toContain('Mon 08:00–17:00');
    expect(row.textContent).toMatch(/BLS, until .*⚠ expired 3 days ago/);
    expect(within(row).getByText(/^CPR, until/).closest('li')!.textContent).not.toContain('⚠');
    expect(await screen.findByText(/1 certification needs attention/)).toBeTruthy();
  });

  it('pages through a long roster, filters it by discipline on the server, and counts certifications over all of it', async () => {
    const valid = [{ name: 'CPR', expiresOn: addDays(today, 400) }];
    const nurses = Array.from({ length: 70 }, (_, i) => ({ ...pete, id: `n${i}`, name: `Nurse ${String(i).padStart(2, '0')}`, discipline: 'RN', certifications: valid }));
    const everyone = [...nurses, pete]; // Pete, with the expired BLS, sorts last: on the second page
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        const discipline = new URL(url, 'http://x').searchParams.get('discipline');
        if (url.includes('/scheduling/v1/clinicians?')) return json(pageOf(everyone.filter((c) => !discipline || c.discipline === discipline), url));
        return json({ title: 'Not found' }, 404);
      }),
    );
    render(<RosterPage />);
    expect(await screen.findByText(/1 certification needs attention/)).toBeTruthy();
    const pages = await screen.findByRole('navigation', { name: 'Pages of the roster' });
    expect(within(pages).getByText('1–50 of 71 clinicians')).toBeTruthy();
    expect(screen.queryByRole('row', { name: /Pete Therapist/ })).toBeNull();
    fireEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    expect(await screen.findByRole('row', { name: /Pete Therapist/ })).toBeTruthy();
    expect(within(pages).getByText('51–71 of 71 clinicians')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Discipline'), { target: { value: 'PT' } });
    const table = await screen.findByRole('table', { name: 'Clinicians on the roster' });
    await vi.waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(asked).toContain('/console/api/scheduling/v1/clinicians?discipline=PT&page=0&size=50');
    expect(screen.queryByRole('navigation', { name: 'Pages of the roster' })).toBeNull();
  });

  it('adds a certification and a day off and saves them with the version read', async () => {
    const calls = stub(json({ ...pete, name: 'Pete Therapist' }));
    render(<RosterPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Pete Therapist' }));
    const editor = await screen.findByRole('region', { name: 'Edit Pete Therapist' });
    fireEvent.change(await within(editor).findByLabelText('Certification name'), { target: { value: 'Lymphedema (CLT)' } });
    fireEvent.change(within(editor).getByLabelText('Expires on'), { target: { value: addDays(today, 20) } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add certification' }));
    expect(within(editor).getByText(/Lymphedema \(CLT\), until/).textContent).toContain('expires in 20 days');
    const dayOff = addDays(today, 60);
    fireEvent.change(within(editor).getByLabelText('First day off'), { target: { value: dayOff } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Add time off' }));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save changes' }));
    await screen.findByText('Saved the changes to Pete Therapist.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"7"');
    const body = JSON.parse(put.body!);
    expect(body.certifications).toContainEqual({ name: 'Lymphedema (CLT)', expiresOn: addDays(today, 20) });
    expect(body.timeOff).toEqual([{ from: dayOff, to: dayOff }]);
    expect(body.hours).toEqual([{ day: 'MONDAY', start: '08:00', end: '17:00' }]);
  });

  it('shows a refused save as a sentence and keeps the editor open', async () => {
    stub(json({ status: 412, title: 'Changed meanwhile', detail: 'Someone else changed this clinician' }, 412));
    render(<RosterPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Pete Therapist' }));
    const editor = await screen.findByRole('region', { name: 'Edit Pete Therapist' });
    fireEvent.click(await within(editor).findByRole('button', { name: 'Save changes' }));
    expect((await within(editor).findByRole('alert')).textContent).toMatch(/read again/);
  });
});
