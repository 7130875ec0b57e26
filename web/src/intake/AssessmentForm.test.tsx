import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { AssessmentPage } from './AssessmentForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

type Call = { url: string; method: string; body?: unknown; ifMatch: string | null };

function stub(options: { completionRefuses?: boolean } = {}) {
  const calls: Call[] = [];
  let version = 0;
  let stored: unknown = null;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ url, method, body, ifMatch: new Headers(init?.headers).get('If-Match') });
      if (url.endsWith('/patients/p1')) return new Response(JSON.stringify({ id: 'p1', givenName: 'Iris', familyName: 'Walker' }));
      if (url.endsWith('/assessment') && method === 'GET') {
        return stored
          ? new Response(JSON.stringify(stored), { headers: { ETag: `"${version}"` } })
          : new Response(JSON.stringify({ status: 404 }), { status: 404 });
      }
      if (url.endsWith('/assessment') && method === 'PUT') {
        version++;
        stored = { patientId: 'p1', status: 'IN_PROGRESS', ...body };
        return new Response(JSON.stringify(stored), { headers: { ETag: `"${version}"` } });
      }
      if (url.endsWith('/completion')) {
        if (options.completionRefuses) {
          return new Response(JSON.stringify({ status: 400, errors: [{ field: 'homeSafety', message: 'not checked: [PETS]' }] }), { status: 400 });
        }
        version++;
        stored = { ...(stored as object), status: 'COMPLETED', completedAt: '2026-12-03T10:00:00Z' };
        return new Response(JSON.stringify(stored));
      }
      return new Response('{}', { status: 500 });
    }),
  );
  return calls;
}

function fillEverything() {
  const baseline = screen.getByRole('region', { name: 'Medical baseline' });
  fireEvent.change(within(baseline).getByLabelText(/^Systolic blood pressure/), { target: { value: '142' } });
  fireEvent.change(within(baseline).getByLabelText(/^Heart rate/), { target: { value: '81' } });
  const adl = screen.getByRole('region', { name: 'Activities of daily living' });
  for (const label of ['Bathing', 'Dressing', 'Toileting', 'Transferring (bed, chair)', 'Walking', 'Eating']) {
    fireEvent.change(within(adl).getByLabelText(label), { target: { value: 'INDEPENDENT' } });
  }
  const rugs = screen.getByRole('group', { name: 'Loose rugs' });
  fireEvent.click(within(rugs).getByLabelText('Hazard'));
  fireEvent.change(within(rugs).getByLabelText('Action (required for a hazard)'), { target: { value: 'Remove the hall runner' } });
  fireEvent.click(screen.getByRole('button', { name: 'Mark the 11 unchecked items safe' }));
  fireEvent.change(screen.getByLabelText("The patient's own goals, one per line"), { target: { value: 'Climb the stairs' } });
}

describe('assessment form', () => {
  it('explains every missing part next to its field and sends nothing', async () => {
    const calls = stub();
    render(<AssessmentPage patientId="p1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Complete assessment' }));
    expect(screen.getByRole('alert').textContent).toContain('The assessment was not saved: 21 things need your attention');
    const systolic = screen.getByLabelText(/^Systolic blood pressure/);
    expect(systolic.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(systolic.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Enter the systolic blood pressure: it is needed to complete the assessment.',
    );
    expect(within(screen.getByRole('group', { name: 'Pets' })).getByText('Check pets: all 12 items are checked before completion.')).toBeDefined();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByRole('alert'));

    fireEvent.change(systolic, { target: { value: '142' } });
    expect(systolic.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('20 things need your attention');
    expect(screen.queryByText('Enter the systolic blood pressure: it is needed to complete the assessment.')).toBeNull();
  });

  it('writes the first version with If-Match "0", then completes it with the version it read back', async () => {
    const calls = stub();
    render(<AssessmentPage patientId="p1" />);
    await screen.findByRole('heading', { name: 'Initial assessment: Iris Walker' });
    fillEverything();
    fireEvent.click(screen.getByRole('button', { name: 'Complete assessment' }));
    expect(await screen.findByText('The initial assessment of Iris Walker is complete.')).toBeDefined();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"0"');
    expect((put.body as { homeSafety: unknown[] }).homeSafety).toHaveLength(12);
    expect((put.body as { homeSafety: unknown[] }).homeSafety[0]).toEqual({ item: 'LOOSE_RUGS', status: 'HAZARD', finding: null, action: 'Remove the hall runner' });
    expect(calls.find((c) => c.url.endsWith('/completion'))!.ifMatch).toBe('"1"');
    expect(screen.queryByRole('button', { name: 'Complete assessment' })).toBeNull();
    expect(screen.getByRole('link', { name: 'See the findings in the chart of Iris Walker' })).toBeDefined();
  });

  it("shows the service's refusal of completion next to the item it names", async () => {
    stub({ completionRefuses: true });
    render(<AssessmentPage patientId="p1" />);
    await screen.findByRole('heading', { name: 'Initial assessment: Iris Walker' });
    fillEverything();
    fireEvent.click(screen.getByRole('button', { name: 'Complete assessment' }));
    const pets = screen.getByRole('group', { name: 'Pets' });
    expect(await within(pets).findByText('Check pets: all 12 items are checked before completion.')).toBeDefined();
  });
});
