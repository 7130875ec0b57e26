import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { VisitEvv } from './VisitEvv';
import type { Visit } from '../types';

const scheduled: Visit = {
  id: 'v-1',
  patientId: 'p-1',
  discipline: 'SN',
  type: 'IN_HOME',
  earliest: '2026-11-25',
  latest: '2026-11-28',
  status: 'SCHEDULED',
};

function Harness({ visit }: { visit: Visit }) {
  const [current, setCurrent] = useState(visit);
  return <VisitEvv visit={current} onChanged={setCurrent} />;
}

function geolocation(outcome: 'refuse' | { latitude: number; longitude: number }) {
  vi.stubGlobal('navigator', {
    geolocation: {
      getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) =>
        outcome === 'refuse'
          ? fail({ code: 1, message: 'denied' } as GeolocationPositionError)
          : ok({ coords: { ...outcome, accuracy: 18 } } as GeolocationPosition),
    },
  });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('VisitEvv', () => {
  it('explains a refused location and checks in without one, showing the exception', async () => {
    geolocation('refuse');
    const fetchMock = vi.fn(async () =>
      json({
        ...scheduled,
        status: 'CHECKED_IN',
        checkIn: { at: '2026-11-25T15:00:00Z', latitude: null, longitude: null },
        evvExceptions: [{ stage: 'CHECK_IN', code: 'NO_LOCATION', at: '2026-11-25T15:00:00Z' }],
      }),
    );
    vi.stubGlobal('fetch', fetchMock);
    render(<Harness visit={scheduled} />);

    fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText(/Location access was refused/)).toBeDefined();
    expect(fetchMock).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Check in without location' }));
    expect(await screen.findByText(/No location was sent, so it is recorded as an EVV exception/)).toBeDefined();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/console/api/scheduling/v1/visits/v-1/check-in');
    expect(init.body).toBe('{}');
    expect(screen.getByRole('button', { name: 'Check out' })).toBeDefined();
  });

  it('refuses a note that is too long before anything is sent', async () => {
    geolocation({ latitude: 39.799, longitude: -89.644 });
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    render(<Harness visit={{ ...scheduled, status: 'CHECKED_IN', checkIn: { at: '2026-11-25T15:00:00Z' } }} />);

    fireEvent.change(screen.getByLabelText('Visit note for the care team (optional)'), { target: { value: 'x'.repeat(4000) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check out' }));

    expect(await screen.findByText(/The visit note has 4,000 characters; it may have at most 3,800/)).toBeDefined();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('checks out with the position and shares the note in the care-team thread', async () => {
    geolocation({ latitude: 39.799, longitude: -89.644 });
    const calls: { url: string; body?: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, body: init.body as string | undefined });
        if (url.endsWith('/check-out')) {
          return json({ ...scheduled, status: 'COMPLETED', checkIn: { at: '2026-11-25T15:00:00Z' }, checkOut: { at: '2026-11-25T16:00:00Z' } });
        }
        if (url.includes('/messaging/v1/threads?')) {
          return json({ items: [{ id: 't-family', kind: 'FAMILY', patientId: 'p-1' }, { id: 't-team', kind: 'CARE_TEAM', patientId: 'p-1' }] });
        }
        return json({ id: 'm-1' }, 201);
      }),
    );
    render(<Harness visit={{ ...scheduled, status: 'CHECKED_IN', checkIn: { at: '2026-11-25T15:00:00Z' } }} />);

    fireEvent.change(screen.getByLabelText('Visit note for the care team (optional)'), { target: { value: 'Dressing changed.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check out' }));

    expect(await screen.findByText(/The visit note is shared with the care team/)).toBeDefined();
    expect(screen.getByText(/^Checked out at .*location verified/)).toBeDefined();
    expect(screen.getByText('Your device placed you within about 18 m.')).toBeDefined();
    expect(JSON.parse(calls[0].body!)).toEqual({ latitude: 39.799, longitude: -89.644 });
    const message = calls.find((c) => c.url === '/console/api/messaging/v1/threads/t-team/messages');
    expect(JSON.parse(message!.body!).body).toMatch(/^Visit note \(Nursing visit, checked out .*\):\nDressing changed\.$/);
  });
});
