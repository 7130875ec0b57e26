import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { Authorizations } from './Authorizations';
import { BillableLines } from './BillableLines';
import { manyPatients, pageOf } from '../testPages';

const jane = { id: 'jane', givenName: 'Jane', familyName: 'Doe', birthDate: '1948-03-14', status: 'ACTIVE' };
const payer = { id: 'pay', name: 'Prairie Medicare Advantage', type: 'COMMERCIAL', payerCode: 'PRAIRIE-MA', priorAuthorization: ['PT'], unit: 'VISIT', timelyFilingDays: 90 };
const draft = {
  id: 'a1', patientId: 'jane', payerId: 'pay', coverageId: 'c', discipline: 'PT', unit: 'VISIT', status: 'DRAFT', expedited: false,
  requestedUnits: 6, approvedUnits: null, unitsUsed: 0, from: '2026-11-01', to: '2026-12-31', decisionDueAt: null,
  overdueFlagged: false, lowFlagged: false, exhaustedFlagged: false,
};

/** A tiny billing-service: answers by method and path, records the writes. */
function service(state: { authorizations: (typeof draft)[] }) {
  const writes: { method: string; path: string; body: unknown }[] = [];
  const page = (items: unknown[]) => ({ items, page: 0, size: 200, totalItems: items.length, totalPages: 1 });
  const fetchMock = vi.fn(async (url: string, init: RequestInit = {}) => {
    const path = url.split('?')[0].replace('/console/api', '');
    const method = (init.method ?? 'GET').toUpperCase();
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (method !== 'GET') writes.push({ method, path, body: init.body ? JSON.parse(String(init.body)) : undefined });
    if (path === '/billing/v1/payers') return json(page([payer]));
    if (path === '/patients/v1/patients') return json(page([jane]));
    if (path === '/billing/v1/authorizations') return json(page(state.authorizations));
    if (path === '/billing/v1/authorizations/a1/submission') {
      state.authorizations = [{ ...draft, status: 'PENDING', decisionDueAt: '2099-12-10T15:00:00Z' } as never];
      return json(state.authorizations[0]);
    }
    if (path === '/billing/v1/authorizations/a1/decision') {
      state.authorizations = [{ ...draft, status: 'APPROVED', approvedUnits: 6 } as never];
      return json(state.authorizations[0]);
    }
    if (path === '/billing/v1/reports/claim-readiness') return json({ from: '2026-09-01', to: '2026-11-30', payers: [] });
    if (path === '/billing/v1/billable-lines') return json(page([]));
    if (path === '/billing/v1/patients/jane') return json({ patientId: 'jane', signedPlanVersion: 1, coverages: [{ id: 'c', payerId: 'pay', priority: 'PRIMARY', from: '2026-01-01', to: null }] });
    return json({ status: 404 }, 404);
  });
  return { fetchMock, writes };
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('prior authorizations', () => {
  it('name the patient, and take a draft through submission and the payer approval; claim readiness counts the draft', async () => {
    const state = { authorizations: [draft] };
    const { fetchMock, writes } = service(state);
    vi.stubGlobal('fetch', fetchMock);
    render(<Authorizations persona="billing" />);

    const table = await screen.findByRole('table', { name: 'Prior authorizations' });
    expect(within(table).getByRole('columnheader', { name: 'Patient' })).toBeDefined();
    expect(within(table).getByRole('rowheader', { name: 'Jane Doe' })).toBeDefined();
    expect(within(table).getByText('Draft (not submitted)')).toBeDefined();
    const readiness = await screen.findByRole('table', { name: 'Claim readiness by patient' });
    expect(within(readiness).getByText('The Physical therapy authorization is a draft: submit it to the payer.')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Submit the Physical therapy authorization of Jane Doe' }));
    expect(await screen.findByText(/Submitted the Physical therapy authorization of Jane Doe to Prairie Medicare Advantage/)).toBeDefined();
    expect(writes).toContainEqual({ method: 'POST', path: '/billing/v1/authorizations/a1/submission', body: { expedited: false } });

    fireEvent.click(await screen.findByRole('button', { name: 'Record the decision on the Physical therapy authorization of Jane Doe' }));
    const form = screen.getByRole('region', { name: 'Decision on the Physical therapy authorization of Jane Doe' });
    fireEvent.change(within(form).getByLabelText('Approved units (requested 6)'), { target: { value: '4' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the decision' }));
    expect(await within(form).findByText('Fewer units than the 6 requested is a partial approval.')).toBeDefined();
    fireEvent.change(within(form).getByLabelText('Approved units (requested 6)'), { target: { value: '6' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the decision' }));
    expect(await screen.findByText("Recorded the payer's decision on the Physical therapy authorization of Jane Doe: approved, 6 units.")).toBeDefined();
    expect(writes).toContainEqual({ method: 'POST', path: '/billing/v1/authorizations/a1/decision', body: { decision: 'APPROVED', approvedUnits: 6 } });
    expect(await screen.findByText('0 of 6 used, 6 left')).toBeDefined();
  });

  it('are read-only for coordinators', async () => {
    vi.stubGlobal('fetch', service({ authorizations: [draft] }).fetchMock);
    render(<Authorizations persona="coordinator" />);
    await screen.findByRole('table', { name: 'Prior authorizations' });
    expect(screen.queryByRole('button', { name: /Submit/ })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Request an authorization' })).toBeNull();
  });
});

describe('prior authorizations, many of them', () => {
  it("page from the server, and show one patient's authorizations by the server's own filter", async () => {
    const patients = manyPatients(230);
    const all = Array.from({ length: 120 }, (_, i) => ({ ...draft, id: `a${i}`, patientId: patients[i % 230].id }));
    const mine = [{ ...draft, id: 'only', patientId: 'p225' }];
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        const path = url.split('?')[0].replace('/console/api', '');
        const json = (body: unknown) => new Response(JSON.stringify(body));
        if (path === '/patients/v1/patients') return json(pageOf(patients, url));
        if (path === '/billing/v1/payers') return json(pageOf([payer], url));
        if (path === '/billing/v1/authorizations') {
          const patientId = new URL(url, 'http://x').searchParams.get('patientId');
          return json(pageOf(patientId === 'p225' ? mine : patientId ? [] : all, url));
        }
        if (path === '/billing/v1/reports/claim-readiness') return json({ from: '2026-09-01', to: '2026-11-30', payers: [] });
        if (path === '/billing/v1/billable-lines') return json(pageOf([], url));
        return new Response(JSON.stringify({ status: 404 }), { status: 404 });
      }),
    );
    render(<Authorizations persona="coordinator" />);
    const pages = await screen.findByRole('navigation', { name: 'Pages of authorizations' });
    expect(within(pages).getByText('1–50 of 120 authorizations')).toBeDefined();
    fireEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    await within(pages).findByText('51–100 of 120 authorizations');
    expect(asked).toContain('/console/api/billing/v1/authorizations?page=1&size=50');

    // a patient on the second page of patients can be chosen, and the server answers their authorizations
    fireEvent.change(screen.getByLabelText('Patient'), { target: { value: 'p225' } });
    const table = await screen.findByRole('table', { name: 'Prior authorizations' });
    await within(table).findByRole('rowheader', { name: 'Given225 Family225' });
    expect(within(table).getAllByRole('rowheader')).toHaveLength(1);
    expect(asked).toContain('/console/api/billing/v1/authorizations?patientId=p225&page=0&size=50');
    expect(screen.queryByRole('navigation', { name: 'Pages of authorizations' })).toBeNull();
  });
});

describe('billable lines', () => {
  it('offer the CSV of exactly the lines filtered', async () => {
    vi.stubGlobal('fetch', service({ authorizations: [] }).fetchMock);
    render(<BillableLines />);
    await screen.findByText('No billable line matches.');
    await screen.findByRole('option', { name: 'Jane Doe' });
    fireEvent.change(screen.getByLabelText('Patient'), { target: { value: 'jane' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'ON_HOLD' } });
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show lines' }));
    const link = await screen.findByRole('link', { name: 'Download CSV' });
    expect(link.getAttribute('href')).toBe('/console/api/billing/v1/billable-lines.csv?from=2026-10-01&to=2026-10-31&status=ON_HOLD&patientId=jane');
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2026-09-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show lines' }));
    expect(await screen.findByText('The last day must not be before the first day.')).toBeDefined();
  });
});
