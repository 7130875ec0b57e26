import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FrequencyField } from './FrequencyField';
import { PlanEditor } from './PlanEditor';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

/** patient-service's parser as the endpoint answers it, for two notations. */
function parser(notation: string) {
  if (notation === 'SN 2W4') {
    return json({ valid: true, canonical: 'SN 2W4', orders: [{ discipline: { code: 'SN', description: 'skilled nursing' }, segments: [{ minPerWeek: 2, maxPerWeek: 2, weeks: 4 }], prnVisits: 0, totalWeeks: 4, maxScheduledVisits: 8 }] });
  }
  return json({ valid: false, orders: [], error: `SN "${notation.slice(3)}" is not a frequency; write visits per week and weeks ("2W4", "2-3W4") or "2 PRN"` });
}

describe('the frequency field', () => {
  it("shows what the order means, or the parser's own message, as the coordinator types", async () => {
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        const { notation } = JSON.parse(String(init?.body));
        asked.push(notation);
        return parser(notation);
      }),
    );
    function Harness() {
      const [value, setValue] = useState('SN 2X4');
      return <FrequencyField value={value} onChange={setValue} />;
    }
    render(<Harness />);
    const input = screen.getByRole('textbox', { name: 'Visit frequency' });
    expect(await screen.findByText(/^Cannot be read: SN "2X4" is not a frequency/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: 'SN 2' } });
    fireEvent.change(input, { target: { value: 'SN 2W4' } });
    expect(await screen.findByText('Skilled nursing: 2 visits a week for 4 weeks (at most 8 scheduled visits over 4 weeks).')).toBeTruthy();
    expect(screen.getByText('Reads as SN 2W4:')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(asked).toEqual(['SN 2X4', 'SN 2W4']); // one request per pause in typing, not one per key
  });
});

const active = {
  number: 1,
  status: 'ACTIVE',
  authoredBy: 'carla',
  authoredAt: '2026-11-25T10:00:00Z',
  signedBy: 'patel',
  signedAt: '2026-11-26T10:00:00Z',
  content: {
    problems: [{ description: 'Fluid overload', goals: [{ description: 'Stable weight', measure: 'daily weight', targetDate: '2020-01-15' }] }],
    interventions: ['Teach daily weights'],
    medications: [{ name: 'Lisinopril', dose: '10 mg', route: 'ORAL', times: ['08:00'], start: '2026-12-01' }],
    diet: ['Sodium under 2 g a day'],
    equipment: [],
    communityServices: [],
    frequency: 'SN 2W4',
  },
};

describe('the plan editor', () => {
  it('starts a draft from the active version, saves it with If-Match and renders the refused submission as sentences', async () => {
    const calls: { url: string; method: string; ifMatch: string | null; body?: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ url, method, ifMatch: new Headers(init?.headers).get('If-Match'), body: init?.body as string | undefined });
        if (url.endsWith('/frequency-orders/parse')) return parser(JSON.parse(String(init?.body)).notation);
        if (url.endsWith('/care-plan') && method === 'GET') return json({ patientId: 'p1', active, draft: null }, { headers: { ETag: '"4"' } });
        if (url.endsWith('/patients/p1')) return json({ id: 'p1', givenName: 'Jane', familyName: 'Doe' });
        if (url.endsWith('/care-plan/draft') && method === 'PUT') {
          const draft = { ...active, number: 2, status: 'DRAFT', signedBy: null, signedAt: null, content: JSON.parse(String(init?.body)) };
          return json({ patientId: 'p1', active, draft }, { headers: { ETag: '"5"' } });
        }
        if (url.endsWith('/draft/submission')) {
          return json(
            {
              type: 'https://hearth.example/problems/rules-violated',
              status: 422,
              detail: 'The draft cannot be submitted for signature yet.',
              violations: [{ rule: 'GOAL_DATE_PASSED', message: 'The goal "Stable weight" has a target date that has already passed (2020-01-15).' }],
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }
        return new Response('', { status: 404 });
      }),
    );
    render(<PlanEditor patientId="p1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start a new draft from version 1' }));
    const medication = screen.getByRole('group', { name: 'Medication 1: Lisinopril' });
    fireEvent.change(within(medication).getByLabelText('Dose'), { target: { value: '5 mg' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Diet (one per line)' }), { target: { value: 'Sodium under 2 g a day\nNo grapefruit juice' } });
    await screen.findByText('Reads as SN 2W4:');
    fireEvent.click(screen.getByRole('button', { name: 'Submit for signature' }));

    const refusal = await screen.findByRole('alert');
    expect(refusal.textContent).toContain(
      'The draft cannot be submitted for signature yet. The goal "Stable weight" has a target date that has already passed (2020-01-15).',
    );
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"4"');
    const written = JSON.parse(put.body!);
    expect(written.medications[0].dose).toBe('5 mg');
    expect(written.diet).toEqual(['Sodium under 2 g a day', 'No grapefruit juice']);
    // the submission carries the ETag the save answered, not the one read first
    expect(calls.find((c) => c.url.endsWith('/draft/submission'))!.ifMatch).toBe('"5"');
    expect(screen.getByText(/^Draft version 2, last saved/).textContent).toContain('not yet submitted for signature');
  });

  it('sends nothing while the form has a problem it can name', async () => {
    const methods: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        methods.push(init?.method ?? 'GET');
        if (url.endsWith('/frequency-orders/parse')) return parser(JSON.parse(String(init?.body)).notation);
        if (url.endsWith('/care-plan')) return json({ patientId: 'p1', active, draft: null }, { headers: { ETag: '"4"' } });
        return json({ id: 'p1', givenName: 'Jane', familyName: 'Doe' });
      }),
    );
    render(<PlanEditor patientId="p1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start a new draft from version 1' }));
    fireEvent.change(screen.getByLabelText('Stop (optional)'), { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Lisinopril stops before it starts.');
    expect(methods.filter((m) => m !== 'GET' && m !== 'POST')).toEqual([]); // POST is the parser only
  });
});
