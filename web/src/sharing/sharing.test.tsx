import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { SharingGrants } from './SharingGrants';
import { SharedRecordPage } from './SharedRecords';
import { grantProblems, grantRequest, visitSummary } from './sharing';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

describe('sharing with another agency', () => {
  it('asks for the agency, a part, a last day not past and the consent reference', () => {
    const empty = { agency: '', parts: [], until: '', consentDocument: '' };
    expect(grantProblems(empty, '2026-12-03')).toHaveLength(4);
    expect(grantProblems({ agency: 'riverbend', parts: ['VITALS'], until: '2026-12-02', consentDocument: 'C-1' }, '2026-12-03')).toEqual([
      'Until: the last day cannot be in the past.',
    ]);
    expect(grantRequest({ agency: ' riverbend ', parts: ['VITALS', 'PLAN_SUMMARY'], until: '2026-12-31', consentDocument: ' C-1 ' })).toEqual({
      agency: 'riverbend',
      parts: ['PLAN_SUMMARY', 'VITALS'],
      until: '2026-12-31',
      consentDocument: 'C-1',
    });
    expect(grantRequest({ agency: 'riverbend', parts: ['VISITS', 'MEDICATIONS'], until: '2026-12-31', consentDocument: 'C-1' }).parts).toEqual([
      'MEDICATIONS',
      'VISITS',
    ]);
  });

  it('says of a shared visit who comes, what, how and whether it is booked', () => {
    const visit = { earliest: '2026-12-06', latest: '2026-12-12', discipline: 'SN', type: 'IN_HOME' as const };
    expect(visitSummary({ ...visit, start: '2026-12-07T15:00:00Z', end: '2026-12-07T16:00:00Z', status: 'SCHEDULED', clinicianFirstName: 'Nina' })).toBe(
      'SN · with Nina · booked',
    );
    expect(visitSummary({ ...visit, type: 'TELEHEALTH', status: 'COMPLETED', clinicianFirstName: 'Nina' })).toBe('SN · with Nina · by video · done');
    expect(visitSummary({ ...visit, status: 'UNSCHEDULED' })).toBe('SN · not booked yet');
  });

  it('records a consent and revokes it', async () => {
    let grants: unknown[] = [];
    const calls: { url: string; method: string; body?: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ url, method, body: init?.body as string | undefined });
        if (method === 'POST' && url.endsWith('/revoke')) {
          grants = [{ ...(grants[0] as object), active: false, revokedAt: '2026-12-03T15:00:00Z' }];
          return json(grants[0]);
        }
        if (method === 'POST') {
          grants = [{ id: 'g1', patientId: 'jane', agency: 'riverbend', parts: ['PLAN_SUMMARY'], from: '2026-12-03', until: '2099-12-31', basis: 'CONSENT_DOCUMENT', consentDocument: 'C-1', grantedAt: '2026-12-03T14:00:00Z', active: true }];
          return json(grants[0], { status: 201 });
        }
        return json(grants);
      }),
    );
    render(<SharingGrants patientId="jane" />);
    await screen.findByText('Nothing is shared with another agency.');
    fireEvent.change(screen.getByLabelText('Agency (short name)'), { target: { value: 'riverbend' } });
    fireEvent.click(screen.getByLabelText('Plan of care in brief'));
    fireEvent.click(screen.getByLabelText('Visits'));
    fireEvent.change(screen.getByLabelText('Until (last day)'), { target: { value: '2099-12-31' } });
    fireEvent.change(screen.getByLabelText('Consent document (reference)'), { target: { value: 'C-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke sharing with riverbend' }));
    await screen.findByText(/revoked/);
    expect(JSON.parse(calls.find((c) => c.method === 'POST')!.body!)).toEqual({ agency: 'riverbend', parts: ['PLAN_SUMMARY', 'VISITS'], until: '2099-12-31', consentDocument: 'C-1' });
    expect(calls.some((c) => c.url === '/console/api/patients/v1/patients/jane/sharing-grants/g1/revoke')).toBe(true);
  });

  it('lets the point of contact share without a consent document: sharing is their consent', async () => {
    const posted: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posted.push(init.body as string);
          return json({ id: 'g2', patientId: 'jane', agency: 'riverbend', parts: ['VITALS'], from: '2026-12-03', until: '2099-12-31', basis: 'POINT_OF_CONTACT', grantedAt: '2026-12-03T14:00:00Z', active: true }, { status: 201 });
        }
        return json([]);
      }),
    );
    expect(grantProblems({ agency: 'riverbend', parts: ['VITALS'], until: '2099-12-31', consentDocument: '' }, '2026-12-03', false)).toEqual([]);
    render(<SharingGrants patientId="jane" byPointOfContact />);
    await screen.findByText('Nothing is shared with another agency.');
    expect(screen.queryByLabelText('Consent document (reference)')).toBeNull();
    expect(screen.getByText(/you give your consent as the patient/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Agency (short name)'), { target: { value: 'riverbend' } });
    fireEvent.click(screen.getByLabelText('Vital signs (last 30 days)'));
    fireEvent.change(screen.getByLabelText('Until (last day)'), { target: { value: '2099-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await vi.waitFor(() => expect(posted).toHaveLength(1));
    expect(JSON.parse(posted[0])).toEqual({ agency: 'riverbend', parts: ['VITALS'], until: '2099-12-31' });
  });

  it('shows exactly the shared parts, and "not found" once the sharing ended', async () => {
    let revoked = false;
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        if (revoked) return json({ status: 404 }, { status: 404 });
        if (url.endsWith('/plan-summary')) return json({ version: 1, signedAt: '2026-12-01T10:00:00Z', frequency: 'SN 2W4', problems: [{ description: 'Heart failure', goals: [] }], interventions: [], diet: [] });
        return json({ grantId: 'g1', patientId: 'jane', givenName: 'Jane', familyName: 'Doe', fromAgency: 'sunrise', parts: ['PLAN_SUMMARY'], until: '2099-12-31' });
      }),
    );
    const { unmount } = render(<SharedRecordPage grantId="g1" />);
    await screen.findByText('SN 2W4');
    expect(screen.getByText('Heart failure:', { exact: false })).toBeTruthy();
    expect(urls.some((u) => u.endsWith('/medications') || u.endsWith('/vitals'))).toBe(false);
    unmount();
    revoked = true;
    render(<SharedRecordPage grantId="g1" />);
    await screen.findByRole('heading', { name: 'Shared record not found' });
  });

  it('shows the visits part from scheduling when the visits are shared, and only then', async () => {
    const urls: string[] = [];
    let parts = ['VISITS'];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        if (url.includes('/scheduling/v1/shared-records/g1/visits'))
          return json({
            items: [
              { earliest: '2099-01-04', latest: '2099-01-10', start: '2099-01-05T15:00:00Z', end: '2099-01-05T16:00:00Z', discipline: 'SN', type: 'IN_HOME', status: 'SCHEDULED', clinicianFirstName: 'Nina' },
              { earliest: '2099-01-11', latest: '2099-01-17', discipline: 'PT', type: 'IN_HOME', status: 'UNSCHEDULED' },
            ],
            page: 0,
            size: 50,
            totalItems: 3,
            totalPages: 1,
          });
        if (url.endsWith('/plan-summary')) return json({ version: 1, signedAt: '2026-12-01T10:00:00Z', frequency: 'SN 2W4', problems: [], interventions: [], diet: [] });
        return json({ grantId: 'g1', patientId: 'jane', givenName: 'Jane', familyName: 'Doe', fromAgency: 'sunrise', parts, until: '2099-12-31' });
      }),
    );
    const { unmount } = render(<SharedRecordPage grantId="g1" />);
    await screen.findByText(/SN · with Nina · booked/);
    expect(screen.getByRole('heading', { name: 'Visits' })).toBeTruthy();
    expect(screen.getByText(/PT · not booked yet/)).toBeTruthy();
    expect(screen.getByText('The first 2 of 3 visits.')).toBeTruthy();
    expect(urls).toContain('/console/api/scheduling/v1/shared-records/g1/visits?size=50');
    expect(urls.some((u) => u.endsWith('/plan-summary') || u.endsWith('/medications') || u.endsWith('/vitals'))).toBe(false);
    unmount();

    parts = ['PLAN_SUMMARY'];
    urls.length = 0;
    render(<SharedRecordPage grantId="g1" />);
    await screen.findByText('SN 2W4');
    expect(screen.queryByRole('heading', { name: 'Visits' })).toBeNull();
    expect(urls.some((u) => u.includes('/scheduling/'))).toBe(false);
  });
});
