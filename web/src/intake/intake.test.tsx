import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReferralInbox } from './ReferralInbox';
import { ReferralDetail } from './ReferralDetail';
import type { Referral } from './referrals';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const referral = (status: Referral['status'], extra: Partial<Referral> = {}): Referral => ({
  id: 'r1',
  status,
  source: 'HOSPITAL_DISCHARGE',
  referringPhysician: { name: 'Dr. Priya Patel', npi: '1234567893' },
  reason: 'Home after pneumonia',
  diagnoses: [{ code: 'J18.9', description: 'Pneumonia, unspecified organism', primary: true }],
  requestedDisciplines: ['SN'],
  dischargeDate: '2026-12-02',
  complexity: 'MODERATE',
  patient: { givenName: 'Iris', familyName: 'Walker', birthDate: '1944-03-09' },
  receivedAt: '2026-12-03T09:00:00Z',
  ...extra,
});

type Call = { url: string; method: string; body?: unknown; headers: Headers };

/** A fake gateway: answers by "METHOD url-suffix" and records every call. */
function gateway(routes: Record<string, (call: Call) => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call: Call = {
        url,
        method: init?.method ?? 'GET',
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
        headers: new Headers(init?.headers),
      };
      calls.push(call);
      const key = Object.keys(routes).find((k) => {
        const [method, suffix] = k.split(' ');
        return method === call.method && url.split('?')[0].endsWith(suffix);
      });
      return key ? routes[key](call) : new Response(JSON.stringify({ status: 404 }), { status: 404 });
    }),
  );
  return calls;
}

const json = (body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { headers });

describe('referral inbox', () => {
  it('lists the new referrals with who referred, when and the diagnoses, and filters by status', async () => {
    const calls = gateway({
      'GET /referrals': (c) =>
        json({ items: c.url.includes('status=DECLINED') ? [] : [referral('RECEIVED')], page: 0, size: 50, totalItems: 1, totalPages: 1 }),
    });
    render(<ReferralInbox />);
    const row = await screen.findByRole('row', { name: /Iris Walker/ });
    expect(within(row).getByRole('link', { name: 'Iris Walker' }).getAttribute('href')).toBe('/console/referrals/r1');
    expect(row.textContent).toContain('Dr. Priya Patel (hospital discharge)');
    expect(row.textContent).toContain('J18.9 Pneumonia, unspecified organism');
    expect(row.textContent).toContain('New');
    expect(calls[0].url).toBe('/console/api/patients/v1/referrals?status=RECEIVED&page=0&size=50');
    fireEvent.click(screen.getByRole('button', { name: 'Declined' }));
    expect(await screen.findByText('No declined referrals.')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Declined' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('referral decision', () => {
  it('declines only with a reason, said next to the field', async () => {
    const calls = gateway({
      'GET /referrals/r1': () => json(referral('RECEIVED')),
      'POST /referrals/r1/decline': () => json(referral('DECLINED', { declineReason: 'No nurse in that area' })),
    });
    render(<ReferralDetail referralId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Decline referral' }));
    const reason = screen.getByLabelText('Reason for declining (required to decline)');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(reason.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Say why the referral is declined: the referrer reads the reason.',
    );
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    fireEvent.change(reason, { target: { value: ' No nurse in that area ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Decline referral' }));
    expect(await screen.findByText('The referral of Iris Walker is declined.')).toBeDefined();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'No nurse in that area' });
  });

  it('shows the service refusing an acceptance as a sentence', async () => {
    gateway({
      'GET /referrals/r1': () => json(referral('RECEIVED')),
      'POST /referrals/r1/acceptance': () =>
        new Response(JSON.stringify({ status: 409, detail: 'a DECLINED referral cannot be accepted' }), { status: 409 }),
    });
    render(<ReferralDetail referralId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Accept referral' }));
    expect(await screen.findByText('A DECLINED referral cannot be accepted.')).toBeDefined();
  });

  it('admits with homebound status and an allergy, then shows the transition-of-care tasks and the chart link', async () => {
    let admitted = false;
    const calls = gateway({
      'GET /referrals/r1': () => json(admitted ? referral('ADMITTED', { patientId: 'p9' }) : referral('ACCEPTED')),
      'POST /referrals/r1/admission': () => {
        admitted = true;
        return json(referral('ADMITTED', { patientId: 'p9' }));
      },
      'GET /patients/p9': () => json({ id: 'p9', clinical: { diagnoses: referral('ADMITTED').diagnoses } }, { ETag: '"1"' }),
      'PUT /patients/p9/clinical-profile': () => json({ id: 'p9' }, { ETag: '"2"' }),
      'GET /patients/p9/transition-of-care': () =>
        json({ patientId: 'p9', dischargedOn: '2026-12-02', complexity: 'MODERATE', tasks: [
          { type: 'INTERACTIVE_CONTACT', dueOn: '2026-12-04', status: 'OPEN' },
          { type: 'FACE_TO_FACE_VISIT', dueOn: '2026-12-16', status: 'OPEN' },
        ] }),
    });
    render(<ReferralDetail referralId="r1" />);
    const admission = await screen.findByRole('region', { name: 'Admission' });
    fireEvent.click(within(admission).getByLabelText('The patient is homebound'));
    fireEvent.click(within(admission).getByRole('button', { name: 'Admit Iris Walker' }));
    expect(await within(admission).findByText('Say why leaving home takes a considerable and taxing effort: homebound status needs a reason.')).toBeDefined();
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);

    fireEvent.change(within(admission).getByLabelText('Why leaving home takes a considerable and taxing effort'), { target: { value: 'Needs a walker' } });
    fireEvent.click(within(admission).getByRole('button', { name: 'Add an allergy' }));
    fireEvent.change(within(admission).getByLabelText('Substance'), { target: { value: 'Latex' } });
    fireEvent.change(within(admission).getByLabelText('Severity'), { target: { value: 'SEVERE' } });
    fireEvent.click(within(admission).getByRole('button', { name: 'Admit Iris Walker' }));

    expect(await screen.findByText('Iris Walker is admitted. Homebound status and allergies are in the chart.')).toBeDefined();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"1"');
    expect(put.body).toEqual({
      homebound: { homebound: true, reason: 'Needs a walker' },
      diagnoses: [{ code: 'J18.9', description: 'Pneumonia, unspecified organism', primary: true }],
      allergies: [{ substance: 'Latex', reaction: null, severity: 'SEVERE' }],
    });
    const tasks = await screen.findByRole('region', { name: 'Transition-of-care tasks' });
    expect(await within(tasks).findByText('Interactive contact with the patient or caregiver')).toBeDefined();
    expect(within(tasks).getByRole('button', { name: 'Mark done: Face-to-face visit' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Open the chart of Iris Walker' }).getAttribute('href')).toBe('/console/patients/p9');
  });
});
