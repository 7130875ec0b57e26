import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { App } from './App';

function respond(routes: Record<string, unknown>) {
  return vi.fn(async (url: string) => {
    const path = url.split('?')[0];
    if (path in routes) {
      const body = routes[path];
      if (body instanceof Response) return body.clone(); // each request its own answer, as from a server
      return new Response(JSON.stringify(body), { status: 200 });
    }
    return new Response(JSON.stringify({ status: 404, detail: 'nothing here' }), { status: 404 });
  });
}

const session = (roles: string[]) => ({
  username: 'u',
  subject: 's',
  name: 'Fran Family',
  roles,
  agency: 'sunrise',
  idleTimeoutSeconds: 900,
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('App', () => {
  it('tells a family member that a staff page is not for them, without loading its data', async () => {
    window.history.replaceState(null, '', '/console/dashboard');
    const fetchMock = respond({ '/console/session': session(['family']) });
    vi.stubGlobal('fetch', fetchMock);

    render(<App />);

    expect(await screen.findByRole('heading', { name: 'Not available' })).toBeDefined();
    expect(screen.getByText(/for agency staff/)).toBeDefined();
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/console/session']);
    expect(screen.queryByRole('link', { name: 'Dashboard' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Family portal' })).toBeDefined();
  });

  it('shows the family portal empty state when nothing is shared', async () => {
    window.history.replaceState(null, '', '/console/family');
    vi.stubGlobal('fetch', respond({ '/console/session': session(['family']), '/console/api/patients/v1/patients': { items: [] } }));

    render(<App />);

    expect(await screen.findByText(/No one has shared their care with you yet/)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDefined();
  });

  it('shows a failing section as a sentence and keeps the others', async () => {
    window.history.replaceState(null, '', '/console/dashboard');
    vi.stubGlobal(
      'fetch',
      respond({
        '/console/session': session(['coordinator']),
        '/console/api/patients/v1/patients': { items: [] },
        '/console/api/scheduling/v1/visits': { items: [] },
        '/console/api/scheduling/v1/board': { weekStart: '2026-11-22', booked: {}, unassigned: [] },
        '/console/api/patients/v1/alerts': { items: [] },
        '/console/api/billing/v1/authorizations': new Response(
          JSON.stringify({ status: 503, type: '/problems/service-unavailable', correlationId: 'c-9' }),
          { status: 503 },
        ),
      }),
    );

    render(<App />);

    expect(await screen.findByText('Something went wrong on our side. Please try again shortly (reference c-9).')).toBeDefined();
    expect(await screen.findByText('No visits are booked for today.')).toBeDefined();
    expect(await screen.findByText('Every visit this week has a clinician.')).toBeDefined();
  });

  it('asks to sign in again when the session has ended', async () => {
    window.history.replaceState(null, '', '/console/patients');
    vi.stubGlobal('fetch', respond({ '/console/session': new Response('{}', { status: 401 }) }));

    render(<App />);

    expect(await screen.findByRole('link', { name: 'Sign in again' })).toBeDefined();
  });
});
