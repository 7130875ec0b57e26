import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { ClaimReadiness } from './ClaimReadiness';
import { manyPatients, pageOf } from '../testPages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const line = (i: number, patientId: string) => ({
  visitId: `v${i}`, patientId, payerId: 'pay', discipline: 'SN', hcpcs: 'G0299', serviceDate: '2026-11-02', units: 1,
  authorizationId: null, status: 'READY', holdReasons: [], filingDeadline: '2027-01-31',
});

/** billing-service and patient-service answering a page at a time; every patient has a signed plan and coverage. */
function services(patients: ReturnType<typeof manyPatients>, lines: ReturnType<typeof line>[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const path = url.split('?')[0].replace('/console/api', '');
      const json = (body: unknown) => new Response(JSON.stringify(body));
      if (path === '/patients/v1/patients') return json(pageOf(patients, url));
      if (path === '/billing/v1/billable-lines') return json(pageOf(lines, url));
      if (path === '/billing/v1/payers') return json(pageOf([{ id: 'pay', name: 'Prairie Medicare' }], url));
      if (path === '/billing/v1/authorizations') return json(pageOf([], url));
      if (path === '/billing/v1/reports/claim-readiness') return json({ from: '2026-09-01', to: '2026-11-30', payers: [] });
      const file = path.match(/^\/billing\/v1\/patients\/(.+)$/);
      if (file) return json({ patientId: file[1], signedPlanVersion: 1, coverages: [{ id: 'c', payerId: 'pay', priority: 'PRIMARY', from: '2000-01-01', to: null }] });
      return new Response(JSON.stringify({ status: 404 }), { status: 404 });
    }),
  );
}

describe('claim readiness', () => {
  it('counts every line of the period and names every patient, however many pages they take', async () => {
    services(manyPatients(230), Array.from({ length: 450 }, (_, i) => line(i, 'p225')));
    render(<ClaimReadiness />);
    const byPatient = await screen.findByRole('table', { name: 'Claim readiness by patient' });
    const row = within(byPatient).getByRole('row', { name: /^Given225 Family225/ });
    expect(row.textContent).toContain('Ready: 450 lines, 450 units');
    expect(within(byPatient).getAllByRole('row')).toHaveLength(231); // a header and every patient
    expect(within(byPatient).queryByText('Patient not listed')).toBeNull();
    expect(screen.getByText('Billable lines (450)')).toBeTruthy();
  });

  it('says there are too many lines instead of counting part of them', async () => {
    services(manyPatients(2), Array.from({ length: 10_001 }, (_, i) => line(i, 'p001')));
    render(<ClaimReadiness />);
    expect((await screen.findByRole('alert')).textContent).toContain('There are 10001 billable lines in this period, more than this page can read at once (10000).');
    expect(screen.queryByRole('table', { name: 'Claim readiness by patient' })).toBeNull();
  });
});
