import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Messages } from './Messages';
import { UrgentMessages } from './Urgent';
import type { Session } from '../api';

const ME = 'patel-sub';
const NINA = 'nina-sub';
const session: Session = { username: 'dr.patel', subject: ME, name: 'Priya Patel', roles: ['physician'], agency: 'sunrise', idleTimeoutSeconds: 900 };
const thread = { id: 't-1', kind: 'CARE_TEAM', patientId: 'p-1', participants: [ME, NINA], huddle: null, createdAt: '2026-11-25T10:00:00Z' };
const urgentMessage = {
  id: 'm-2',
  threadId: 't-1',
  author: NINA,
  body: 'Wound larger, photo attached.',
  sentAt: '2026-11-25T15:00:00Z',
  deleted: false,
  readBy: [],
  urgent: { recipient: ME, backup: null, dueAt: '2026-11-25T15:30:00Z' },
  attachmentIds: ['a-1'],
};
const plainMessage = { ...urgentMessage, id: 'm-1', body: 'Visit done.', urgent: null, attachmentIds: [], readBy: [{ subject: ME, at: '2026-11-25T14:00:00Z' }] };

function backend(overrides: Record<string, unknown> = {}) {
  const calls: { method: string; url: string; body?: unknown }[] = [];
  let acknowledged = false;
  const routes: Record<string, () => unknown> = {
    'GET /console/session': () => session,
    'GET /console/api/messaging/v1/threads': () => ({ items: [thread] }),
    'GET /console/api/messaging/v1/threads/t-1/messages': () =>
      acknowledged ? [{ ...urgentMessage, urgent: { ...urgentMessage.urgent, acknowledgedAt: '2026-11-25T15:05:00Z', acknowledgedBy: ME } }, plainMessage] : [urgentMessage, plainMessage],
    'GET /console/api/patients/v1/patients/p-1': () => ({ id: 'p-1', givenName: 'Jane', familyName: 'Doe' }),
    'GET /console/api/patients/v1/patients/p-1/care-team': () => ({
      members: [
        { subject: ME, role: 'PHYSICIAN', displayName: 'Dr. Priya Patel', lead: true },
        { subject: NINA, role: 'NURSE', displayName: 'Nina Nurse', lead: false },
      ],
    }),
    'POST /console/api/messaging/v1/threads/t-1/messages/m-2/acknowledgement': () => {
      acknowledged = true;
      return urgentMessage;
    },
    'POST /console/api/messaging/v1/threads/t-1/messages/m-2/read': () => urgentMessage,
    ...overrides,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, body: init.body });
      const route = routes[`${method} ${url.split('?')[0]}`];
      if (!route) return new Response(JSON.stringify({ status: 404 }), { status: 404 });
      return new Response(JSON.stringify(route()), { status: 200 });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('UrgentMessages', () => {
  it('lists the urgent message waiting for me with its photo, and acknowledges it', async () => {
    const calls = backend();
    render(<UrgentMessages />);

    const region = await screen.findByRole('region', { name: 'Urgent messages' });
    await within(region).findByText('Wound larger, photo attached.');
    expect(within(region).getByText(/from Nina Nurse in/)).toBeDefined();
    expect(within(region).getByRole('link', { name: 'Care team of Jane Doe' })).toBeDefined();
    const photo = within(region).getByRole('img', { name: /^Photo from Nina Nurse/ }) as HTMLImageElement;
    expect(photo.getAttribute('src')).toBe('/console/api/messaging/v1/threads/t-1/attachments/a-1');

    fireEvent.click(within(region).getByRole('button', { name: 'Acknowledge' }));

    expect(await within(region).findByText(/^Acknowledged\. Nina Nurse can see that you have read it\./)).toBeDefined();
    await within(region).findByText('No urgent message is waiting for you.');
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/m-2/acknowledgement'))).toBe(true);
  });
});

describe('Messages', () => {
  it('opens a thread, sends read receipts for what I had not read, and refuses a large photo before sending', async () => {
    const calls = backend();
    render(<Messages session={session} threadId="t-1" />);

    await screen.findByRole('heading', { name: 'Care team of Jane Doe', level: 2 });
    await screen.findByText('Visit done.');
    expect(screen.getByText(/^Urgent for you: waiting for acknowledgement/)).toBeDefined();
    await waitFor(() => expect(calls.filter((c) => c.url.endsWith('/read')).map((c) => c.url)).toEqual([
      '/console/api/messaging/v1/threads/t-1/messages/m-2/read',
    ]));

    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'See photo' } });
    const big = new File([new Uint8Array(1_200_000)], 'big.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Photo (optional)'), { target: { files: [big] } });
    expect(await screen.findByText(/^The photo “big\.png” is 1\.2 MB; photos sent through the console may be at most 1 MB/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(calls.some((c) => c.url.endsWith('/attachments'))).toBe(false);
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/t-1/messages'))).toBe(false);
  });

  it('asks whom an urgent message is for', async () => {
    const calls = backend();
    render(<Messages session={session} threadId="t-1" />);
    await screen.findByText('Visit done.');

    fireEvent.change(screen.getByLabelText('Message'), { target: { value: 'Call me' } });
    fireEvent.click(screen.getByLabelText('Urgent: a team member must acknowledge it'));
    expect(within(screen.getByLabelText('Urgent for')).getByRole('option', { name: 'Nina Nurse' })).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send urgent message' }));

    expect(await screen.findByText('Choose who the urgent message is for.')).toBeDefined();
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/t-1/messages'))).toBe(false);
  });
});
