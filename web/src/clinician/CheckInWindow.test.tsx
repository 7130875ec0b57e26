import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VisitEvv } from './VisitEvv';
import { noteMessage } from './evv';
import type { Visit } from '../types';
import { pageOf } from '../testPages';

const visit: Visit = {
  id: 'v-1',
  patientId: 'p-1',
  discipline: 'SN',
  type: 'IN_HOME',
  earliest: '2026-12-04',
  latest: '2026-12-04',
  status: 'SCHEDULED',
};
const window = { opensAt: '2026-12-04T13:00:00Z', closesAt: '2026-12-05T05:00:00Z' };
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('check-in window on the visit', () => {
  it('shows the check-in button when the window opens while the page is open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(new Date('2026-12-04T12:59:00Z'));
      render(<VisitEvv visit={visit} onChanged={() => {}} window={window} zone="America/New_York" />);
      expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
      await act(async () => {
        vi.advanceTimersByTime(62_000);
      });
      expect(screen.getByRole('button', { name: 'Check in' })).toBeDefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers no check-in before the window opens and says when it opens', () => {
    render(<VisitEvv visit={visit} onChanged={() => {}} window={window} zone="America/New_York" now={() => new Date('2026-12-03T22:00:00Z')} />);
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
    expect(screen.getByText(/^Check-in is not open yet: it opens at Fri, Dec 4, 8:00\sAM \(EST, America\/New_York\)/)).toBeDefined();
  });

  it('offers check-in inside the window, and none once the day is over', () => {
    render(<VisitEvv visit={visit} onChanged={() => {}} window={window} zone="America/New_York" now={() => new Date('2026-12-04T13:00:00Z')} />);
    expect(screen.getByRole('button', { name: 'Check in' })).toBeDefined();
    cleanup();
    render(<VisitEvv visit={visit} onChanged={() => {}} window={window} zone="America/New_York" now={() => new Date('2026-12-05T05:00:00Z')} />);
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
    expect(screen.getByText(/^Check-in closed at the end of the visit's day/)).toBeDefined();
  });

  it('reads back the note shared at check-out of a completed visit', async () => {
    const done: Visit = { ...visit, status: 'COMPLETED', checkIn: { at: '2026-12-04T14:00:00Z' }, checkOut: { at: '2026-12-04T14:40:00Z' } };
    const shared = noteMessage('Dressing changed; edges red.', 'Nursing', '2026-12-04T14:40:00Z');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/threads?')
          ? json({ items: [{ id: 't1', kind: 'CARE_TEAM', patientId: 'p-1' }] })
          : json([
              { id: 'm2', author: 'nina', body: 'Another message', sentAt: '2026-12-04T15:00:00Z', deleted: false },
              { id: 'm1', author: 'nina', body: shared, sentAt: '2026-12-04T14:40:01Z', deleted: false },
            ]),
      ),
    );
    render(<VisitEvv visit={done} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the visit note' }));
    expect((await screen.findByText('Dressing changed; edges red.')).tagName).toBe('P');
  });

  it("asks for the patient's care-team thread and finds the note behind a busy day of messages", async () => {
    const done: Visit = { ...visit, status: 'COMPLETED', checkIn: { at: '2026-12-04T14:00:00Z' }, checkOut: { at: '2026-12-04T14:40:00Z' } };
    const shared = noteMessage('Dressing changed; edges red.', 'Nursing', '2026-12-04T14:40:00Z');
    const threads = [...Array.from({ length: 240 }, (_, i) => ({ id: `o${i}`, kind: 'CARE_TEAM', patientId: `other${i}` })), { id: 't1', kind: 'CARE_TEAM', patientId: 'p-1' }];
    // newest first: 200 later messages, then the note
    const later = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, author: 'pete', body: 'Later', sentAt: new Date(Date.parse('2026-12-05T12:00:00Z') - i * 60_000).toISOString(), deleted: false }));
    const asked: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        asked.push(url);
        if (url.includes('/threads?')) {
          const query = new URL(url, 'http://x').searchParams;
          return json(pageOf(threads.filter((t) => t.patientId === query.get('patientId') && t.kind === query.get('kind')), url));
        }
        if (!url.includes('/threads/t1/messages')) return json({ status: 404 }, 404);
        return url.includes('before=')
          ? json([{ id: 'm1', author: 'nina', body: shared, sentAt: '2026-12-04T14:40:01Z', deleted: false }])
          : json(later);
      }),
    );
    render(<VisitEvv visit={done} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the visit note' }));
    expect((await screen.findByText('Dressing changed; edges red.')).tagName).toBe('P');
    expect(asked).toContain('/console/api/messaging/v1/threads?patientId=p-1&kind=CARE_TEAM&page=0&size=200');
    expect(asked).toContain(`/console/api/messaging/v1/threads/t1/messages?size=200&before=${encodeURIComponent(later[199].sentAt)}`);
  });

  it('stops looking back at the check-out: an older message cannot be the note', async () => {
    const done: Visit = { ...visit, status: 'COMPLETED', checkIn: { at: '2026-12-04T14:00:00Z' }, checkOut: { at: '2026-12-04T14:40:00Z' } };
    const older = Array.from({ length: 200 }, (_, i) => ({ id: `n${i}`, author: 'pete', body: 'Earlier', sentAt: new Date(Date.parse('2026-12-04T14:00:00Z') - i * 60_000).toISOString(), deleted: false }));
    const fetchMock = vi.fn(async (url: string) => (url.includes('/threads?') ? json({ items: [{ id: 't1', kind: 'CARE_TEAM', patientId: 'p-1' }] }) : json(older)));
    vi.stubGlobal('fetch', fetchMock);
    render(<VisitEvv visit={done} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the visit note' }));
    expect(await screen.findByText('No note was shared for this visit.')).toBeDefined();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('says so when no note was shared for the visit', async () => {
    const done: Visit = { ...visit, status: 'COMPLETED', checkIn: { at: '2026-12-04T14:00:00Z' }, checkOut: { at: '2026-12-04T14:40:00Z' } };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url.includes('/threads?') ? json({ items: [{ id: 't1', kind: 'CARE_TEAM', patientId: 'p-1' }] }) : json([]))),
    );
    render(<VisitEvv visit={done} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Read the visit note' }));
    expect(await screen.findByText('No note was shared for this visit.')).toBeDefined();
  });
});
