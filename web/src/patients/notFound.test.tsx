import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PatientChart } from './PatientChart';
import { CoordinatorDashboard } from '../coordinator/CoordinatorDashboard';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const notFound = () => new Response(JSON.stringify({ status: 404, title: 'Not Found' }), { status: 404 });

describe('states', () => {
  it('an unknown patient is one not-found page, not a "could not be found" box per section', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => notFound()));
    render(<PatientChart patientId="6f1c3a52-0000-4000-8000-000000000000" persona="coordinator" />);
    expect(await screen.findByRole('heading', { name: 'Patient not found' })).toBeDefined();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.queryAllByText(/could not be found/)).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Go to the patient list' }).getAttribute('href')).toBe('/console/patients');
  });

  it('the dashboard alert counters link to the open alerts of their severity', async () => {
    const page = (items: unknown[]) => ({ items, page: 0, size: 200, totalItems: items.length, totalPages: 1 });
    const alert = (id: string, severity: string) => ({ id, patientId: 'p', severity, status: 'OPEN', finding: 'x', raisedAt: '2026-12-01T10:00:00Z' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.startsWith('/console/api/patients/v1/alerts')) return new Response(JSON.stringify(page([alert('1', 'CRITICAL'), alert('2', 'CRITICAL'), alert('3', 'HIGH')])));
        return notFound();
      }),
    );
    render(<CoordinatorDashboard />);
    const critical = await screen.findByRole('link', { name: '2 open critical alerts' });
    expect(critical.getAttribute('href')).toBe('/console/alerts/critical');
    expect(screen.getByRole('link', { name: '1 open high alert' }).getAttribute('href')).toBe('/console/alerts/high');
    expect(screen.getByRole('link', { name: '0 open warning alerts' }).getAttribute('href')).toBe('/console/alerts/warning');
  });
});
