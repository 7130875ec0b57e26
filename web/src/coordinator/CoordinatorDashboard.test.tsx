import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { CoordinatorDashboard } from './CoordinatorDashboard';
import { isoDate } from '../api';
import { manyPatients, pageOf } from '../testPages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const today = isoDate();
const alert = (i: number, severity: string) => ({ id: `a${i}`, patientId: 'p001', rule: 'r', severity, finding: 'x', status: 'OPEN', raisedAt: '2026-12-01T10:00:00Z' });
const tenToday = new Date();
tenToday.setHours(10, 0, 0, 0);
const visit = {
  id: 'v1', patientId: 'p225', discipline: 'SN', type: 'IN_HOME', earliest: today, latest: today, status: 'SCHEDULED',
  booking: { clinicianId: 'c1', start: tenToday.toISOString(), end: tenToday.toISOString() },
};
const low = {
  id: 'auth1', patientId: 'p226', discipline: 'PT', status: 'APPROVED', requestedUnits: 10, approvedUnits: 10, unitsUsed: 9,
  from: '2026-01-01', to: '2099-01-01', decisionDueAt: null, overdueFlagged: false, lowFlagged: true, exhaustedFlagged: false,
};

/** The agency's services answering each list a page at a time; the urls asked are kept. */
function agency({ alerts }: { alerts: unknown[] }) {
  const patients = manyPatients(230);
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      const path = url.split('?')[0].replace('/console/api', '');
      const query = new URL(url, 'http://x').searchParams;
      const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
      if (path === '/patients/v1/patients') return json(pageOf(patients, url));
      if (path === '/patients/v1/alerts') return json(pageOf(query.get('status') === 'OPEN' ? alerts : [], url));
      if (path === '/scheduling/v1/visits') return json(pageOf(query.get('status') === 'MISSED' ? [] : [visit], url));
      if (path === '/scheduling/v1/board') return json({ weekStart: today, booked: {}, unassigned: [] });
      if (path === '/billing/v1/authorizations') return json(pageOf(query.get('status') === 'APPROVED' ? [low] : [], url));
      if (path === '/patients/v1/patients/p227/transition-of-care') {
        return json({ patientId: 'p227', dischargedOn: '2026-01-01', tasks: [{ type: 'MEDICATION_RECONCILIATION', dueOn: '2026-01-03', status: 'OVERDUE' }] });
      }
      return json({ status: 404 }, 404);
    }),
  );
  return asked;
}

describe('the coordinator dashboard', () => {
  it('counts every open alert and names patients beyond the first page of each list', async () => {
    const asked = agency({ alerts: [...Array.from({ length: 210 }, (_, i) => alert(i, 'CRITICAL')), ...Array.from({ length: 40 }, (_, i) => alert(300 + i, 'HIGH'))] });
    render(<CoordinatorDashboard />);
    expect(await screen.findByRole('link', { name: '210 open critical alerts' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '40 open high alerts' })).toBeTruthy();
    const todays = screen.getByRole('region', { name: "Today's visits" });
    expect(await within(todays).findByRole('link', { name: 'Given225 Family225' })).toBeTruthy();
    const authorizations = screen.getByRole('region', { name: 'Authorizations low or overdue' });
    expect(await within(authorizations).findByRole('link', { name: 'Given226 Family226' })).toBeTruthy();
    // the transition of care of a patient on the second page of patients is read too
    const transitions = screen.getByRole('region', { name: 'Overdue transition-of-care tasks' });
    expect(await within(transitions).findByRole('link', { name: 'Given227 Family227' })).toBeTruthy();
    expect(asked).toContain('/console/api/patients/v1/alerts?status=OPEN&page=1&size=200');
    expect(asked).toContain('/console/api/patients/v1/patients?page=1&size=200');
    expect(asked.some((u) => u.includes('/scheduling/v1/visits?status=MISSED&from='))).toBe(true);
  });

  it('says there are too many open alerts to count instead of counting some of them', async () => {
    agency({ alerts: Array.from({ length: 2001 }, (_, i) => alert(i, 'CRITICAL')) });
    render(<CoordinatorDashboard />);
    const alerts = screen.getByRole('region', { name: 'Open alerts by severity' });
    expect((await within(alerts).findByRole('alert')).textContent).toContain('There are 2001 open alerts, more than this page can read at once (2000).');
    expect(within(alerts).queryByRole('link')).toBeNull();
  });
});
