import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MyDay } from './MyDay';

class QuietEventSource {
  static CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  addEventListener() {}
  close() {}
}

const session = { username: 'nina.nurse', subject: 'nina', name: 'Nina Nurse', roles: ['nurse'], agency: 'a', idleTimeoutSeconds: 900 };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

function day(date: string, stops: unknown[]) {
  return { clinicianId: 'c1', date, zone: 'America/New_York', stops, totalTravelMinutes: 12, totalKilometres: 8.5 };
}

const stop = {
  visitId: 'v1',
  patientId: 'p1',
  discipline: 'SN',
  type: 'IN_HOME',
  status: 'SCHEDULED',
  start: '2099-01-02T15:00:00Z',
  end: '2099-01-02T15:30:00Z',
  travelMinutesFromPrevious: 12,
  kilometresFromPrevious: 8.5,
  checkInOpensAt: '2099-01-02T13:00:00Z',
  checkInClosesAt: '2099-01-03T05:00:00Z',
};

let asked: string[];

beforeEach(() => {
  asked = [];
  window.history.replaceState(null, '', '/console/my-day');
  vi.stubGlobal('EventSource', QuietEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      if (url.includes('/clinicians?')) return json({ items: [{ id: 'c1', subject: 'nina', name: 'Nina Nurse', discipline: 'RN', homeBase: { latitude: 39.8, longitude: -89.6 } }] });
      if (url.includes('/clinicians/c1/day?date=2099-01-02')) return json(day('2099-01-02', [stop]));
      if (url.includes('/clinicians/c1/day')) return json(day('2099-01-01', []));
      if (url.includes('/scheduling/v1/patients/p1')) return json({ latitude: 39.78, longitude: -89.65 });
      if (url.includes('/patients/v1/patients/p1')) return json({ id: 'p1', givenName: 'Jane', familyName: 'Doe', address: { line1: '12 Elm Street', city: 'Springfield', state: 'IL' } });
      if (url.includes('/scheduling/v1/visits/v1')) return json({ id: 'v1', patientId: 'p1', discipline: 'SN', type: 'IN_HOME', earliest: '2099-01-02', latest: '2099-01-02', status: 'SCHEDULED' });
      return json({});
    }),
  );
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('My day on any day', () => {
  it('moves to the next day, keeps it in the address, and there offers no check-in before its window with a maps link', async () => {
    render(<MyDay session={session} />);
    expect(await screen.findByText('No visits on Thursday, January 1, 2099.')).toBeDefined();
    const picker = screen.getByRole('navigation', { name: 'Choose the day' });
    expect(picker.textContent).toMatch(/times in the agency’s zone \(EST, America\/New_York\)/);
    fireEvent.click(within(picker).getByRole('button', { name: 'Next day →' }));
    const maps = await screen.findByRole('link', { name: /^Open in maps: Jane Doe’s home/ });
    expect(maps.getAttribute('href')).toBe('https://www.google.com/maps/search/?api=1&query=12%20Elm%20Street%2C%20Springfield%2C%20IL');
    expect(window.location.search).toBe('?date=2099-01-02');
    expect(asked.some((u) => u.endsWith('/clinicians/c1/day?date=2099-01-02'))).toBe(true);
    expect(await screen.findByText(/^Check-in is not open yet: it opens at Fri, Jan 2, 8:00\sAM/)).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
    expect(screen.getByText(/10:00\sAM–10:30\sAM/)).toBeDefined();
    expect((screen.getByLabelText('Go to date') as HTMLInputElement).value).toBe('2099-01-02');
  });
});
