import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { EmergencyAccess } from './EmergencyAccess';
import { BreakGlassReview } from './BreakGlassReview';
import { WhoViewed } from './WhoViewed';
import { grantState, reasonProblem } from './breakGlass';
import { kindWords, newestFirst } from './accessLog';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

type Call = { url: string; method: string; headers: Headers; body?: string };

function stub(answer: (url: string, method: string, body?: string) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method, headers: new Headers(init?.headers), body: init?.body as string | undefined });
      return answer(url, method, init?.body as string | undefined);
    }),
  );
  return calls;
}

const grant = {
  id: 'g1',
  patientId: 'jane',
  patientName: 'Jane Doe',
  clinician: 'noah',
  clinicianName: 'Noah Night',
  reason: 'Covering the night call: patient short of breath',
  openedAt: '2026-12-03T14:00:00Z',
  expiresAt: '2026-12-03T18:00:00Z',
  active: true,
};

describe('break-glass', () => {
  it('refuses a blank reason and says whether a grant is open, expired or revoked in words', () => {
    expect(reasonProblem('   ')).toContain('Say why');
    expect(reasonProblem('x'.repeat(501))).toContain('too long');
    expect(reasonProblem('Patient fell')).toBeNull();
    expect(grantState(grant)).toBe('Open');
    expect(grantState({ ...grant, active: false })).toBe('Expired');
    expect(grantState({ ...grant, active: false, revokedAt: '2026-12-03T15:00:00Z' })).toBe('Revoked');
  });

  it('opens the record only with a reason, and a retry carries the same Idempotency-Key', async () => {
    let attempts = 0;
    const calls = stub(() => {
      attempts += 1;
      return attempts === 1 ? new Response('', { status: 503 }) : json(grant, { status: 201 });
    });
    const opened = vi.fn();
    render(<EmergencyAccess patientId="jane" onOpened={opened} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open the record in an emergency' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Say why');
    expect(calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('Reason (required)'), { target: { value: 'Patient short of breath' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the record in an emergency' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on our side');
    fireEvent.click(screen.getByRole('button', { name: 'Open the record in an emergency' }));
    await vi.waitFor(() => expect(opened).toHaveBeenCalledWith(grant));
    expect(calls[0].url).toBe('/console/api/patients/v1/patients/jane/break-glass');
    expect(JSON.parse(calls[1].body!)).toEqual({ reason: 'Patient short of breath' });
    expect(calls[0].headers.get('Idempotency-Key')).toBeTruthy();
    expect(calls[1].headers.get('Idempotency-Key')).toBe(calls[0].headers.get('Idempotency-Key'));
  });

  it('lets the privacy officer revoke at once and review only with a note', async () => {
    let queue = [grant];
    const calls = stub((url, method) => {
      if (url.endsWith('/access-questions')) return json([]);
      if (method === 'POST' && url.endsWith('/revoke')) {
        queue = [{ ...grant, active: false, revokedAt: '2026-12-03T15:00:00Z' } as typeof grant];
        return json(queue[0]);
      }
      if (method === 'POST' && url.endsWith('/review')) {
        queue = [];
        return json(grant);
      }
      return json(queue);
    });
    render(<BreakGlassReview />);
    const item = await screen.findByRole('listitem', { name: "Noah Night opened Jane Doe's record" });
    expect(item.textContent).toContain('Covering the night call');
    expect(item.textContent).toContain('Open');
    fireEvent.click(within(item).getByRole('button', { name: "Revoke Noah Night's access now" }));
    await vi.waitFor(() => expect(screen.getByText('Revoked')).toBeTruthy());
    const again = screen.getByRole('listitem', { name: "Noah Night opened Jane Doe's record" });
    fireEvent.click(within(again).getByRole('button', { name: 'Mark reviewed' }));
    expect((await within(again).findByRole('alert')).textContent).toContain('Write a note');
    fireEvent.change(within(again).getByLabelText('Review note'), { target: { value: 'Justified, called Noah' } });
    fireEvent.click(within(again).getByRole('button', { name: 'Mark reviewed' }));
    await screen.findByText(/Nothing to review/);
    const review = calls.find((c) => c.url.endsWith('/g1/review'))!;
    expect(JSON.parse(review.body!)).toEqual({ note: 'Justified, called Noah' });
  });
});

const log = {
  patientId: 'jane',
  from: '2026-11-03T00:00:00Z',
  to: '2026-12-03T23:00:00Z',
  total: 2,
  truncated: false,
  byKind: [
    { kind: 'care-plan', count: 1, accesses: [{ at: '2026-12-03T09:00:00Z', who: 'Dr. Priya Patel', role: 'physician', organization: 'sunrise', action: 'viewed', kind: 'care-plan' }] },
    { kind: 'summary', count: 1, accesses: [{ at: '2026-12-03T10:00:00Z', who: 'Nina Nurse', role: 'nurse', organization: 'sunrise', action: 'viewed', kind: 'summary' }] },
  ],
};

describe('who viewed the record', () => {
  it('lists every access newest first in plain words', () => {
    expect(newestFirst(log).map((a) => a.who)).toEqual(['Nina Nurse', 'Dr. Priya Patel']);
    expect(kindWords('care-plan')).toBe('plan of care');
    expect(kindWords('some-new-kind')).toBe('some new kind');
  });

  it("shows who, role, organisation and kind, and sends a question about one access to the privacy officer", async () => {
    const calls = stub((url, method) => {
      if (url.includes('/record-accesses')) return json(log);
      if (method === 'POST') return json({ id: 'q1' }, { status: 201 });
      return json({ id: 'jane', givenName: 'Jane', familyName: 'Doe' });
    });
    render(<WhoViewed patientId="jane" />);
    await screen.findByRole('heading', { name: "Who viewed Jane's record" });
    const rows = await screen.findAllByRole('row');
    expect(rows[1].textContent).toContain('Nina Nurse');
    expect(rows[1].textContent).toContain('Nurse');
    expect(rows[1].textContent).toContain('sunrise');
    expect(rows[1].textContent).toContain('chart summary');
    expect(rows[2].textContent).toContain('Physician');
    fireEvent.click(within(rows[2]).getByRole('button', { name: /Ask about this access/ }));
    const ask = screen.getByRole('group', { name: 'Question about the access by Dr. Priya Patel' });
    fireEvent.change(within(ask).getByLabelText('Your question to the privacy officer'), { target: { value: 'Why did she read it?' } });
    fireEvent.click(within(ask).getByRole('button', { name: 'Send the question' }));
    await screen.findByText(/Your question was sent to the privacy officer/);
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.url).toBe('/console/api/patients/v1/patients/jane/access-questions');
    expect(JSON.parse(sent.body!)).toEqual({
      question: 'Why did she read it?',
      access: { at: '2026-12-03T09:00:00Z', who: 'Dr. Priya Patel', role: 'physician', organization: 'sunrise', kind: 'care-plan' },
    });
    expect(calls.some((c) => c.url === '/console/api/audit/v1/patients/jane/record-accesses')).toBe(true);
  });
});
