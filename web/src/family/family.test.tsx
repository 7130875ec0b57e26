import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CaregiverResources } from './CaregiverResources';
import { VitalsEntry } from './VitalsEntry';
import { groupResources, safeUrl } from './resources';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

const page = (items: unknown[]) => ({ items, page: 0, size: 100, totalItems: items.length, totalPages: 1 });

const resources = [
  { id: '1', category: 'EDUCATION', title: 'Heart failure at home', description: 'Daily weights and when to call.', contact: null, url: 'https://example.org/hf' },
  { id: '2', category: 'RESPITE', title: 'Weekend respite', description: 'A nurse aide for up to 8 hours.', contact: '+1 217 555 0199', url: null },
  { id: '3', category: 'SUPPORT_GROUP', title: 'Caregivers circle', description: 'Tuesdays at the library.', contact: null, url: 'javascript:alert(1)' },
];

describe('caregiver resources', () => {
  it('groups the agency resources by category, with their contact and only safe links', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(page(resources))));
    render(<CaregiverResources />);
    const headings = await screen.findAllByRole('heading', { level: 3 });
    expect(headings.map((h) => h.textContent)).toEqual(['Respite care', 'Support groups', 'Learning and education']);
    expect(screen.getByText(/Contact: \+1 217 555 0199/)).toBeDefined();
    expect(screen.getByRole('link', { name: /Heart failure at home/ }).getAttribute('href')).toBe('https://example.org/hf');
    expect(screen.queryByRole('link', { name: /Caregivers circle/ })).toBeNull();
  });

  it('says so when the agency has shared none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(page([]))));
    render(<CaregiverResources />);
    expect(await screen.findByText('The agency has not shared any caregiver resources yet.')).toBeDefined();
  });

  it('is not an error page while the service does not offer the list yet (404)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 404, detail: 'No such operation' }, 404)));
    render(<CaregiverResources />);
    expect(await screen.findByText(/Caregiver resources are not available yet/)).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a failure as a sentence with a retry', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 500 }, 500)));
    render(<CaregiverResources />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Something went wrong on our side/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined();
  });

  it('orders unknown categories last and refuses non-web links', () => {
    expect(groupResources([{ ...resources[0], category: 'OTHER' }, resources[1]]).map((g) => g.title)).toEqual(['Respite care', 'Other']);
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl('http://example.org')).toBe('http://example.org/');
  });
});

describe('vitals entry', () => {
  it('explains why there is no form when the consent lacks vital signs (403)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json({ status: 403, detail: 'no' }, 403)));
    render(<VitalsEntry patientId="p1" patientName="Jane Doe" />);
    expect(await screen.findByText(/Jane Doe's consent does not include vital signs/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Save reading' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('checks the reading before sending it and sends it as one observation in the unit chosen', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        if (init?.method === 'POST') return json({ accepted: 1, alreadyRecorded: 0 });
        return json(page([]));
      }),
    );
    render(<VitalsEntry patientId="p1" patientName="Jane Doe" />);
    const save = await screen.findByRole('button', { name: 'Save reading' });
    fireEvent.change(screen.getByLabelText('Reading'), { target: { value: '400' } });
    fireEvent.click(save);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A blood pressure, systolic of 400 mmHg is not possible; it must be between 40 and 300 mmHg.',
    );
    expect(calls.filter((c) => c.init?.method === 'POST')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('What you measured'), { target: { value: 'WEIGHT' } });
    fireEvent.change(screen.getByLabelText('Unit'), { target: { value: '[lb_av]' } });
    fireEvent.change(screen.getByLabelText('Reading'), { target: { value: '158.5' } });
    fireEvent.click(save);
    const status = await screen.findByRole('status');
    expect(within(status).getByText(/Saved: weight 158.5 lb/)).toBeDefined();
    const sent = calls.find((c) => c.init?.method === 'POST')!;
    expect(sent.url).toBe('/console/api/patients/v1/patients/p1/observations');
    const body = JSON.parse(String(sent.init!.body));
    expect(body.observations).toHaveLength(1);
    expect(body.observations[0]).toMatchObject({ vital: 'WEIGHT', value: 158.5, unit: '[lb_av]' });
    expect(body.observations[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('shows what the service refused as a sentence', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === 'POST'
          ? json({ status: 400, errors: [{ field: 'observations[0].observedAt', message: 'is in the future' }] }, 400)
          : json(page([])),
      ),
    );
    render(<VitalsEntry patientId="p1" patientName="Jane Doe" />);
    fireEvent.change(await screen.findByLabelText('Reading'), { target: { value: '120' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reading' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Observed at is in the future.');
  });
});
