import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CareCircleEditor } from './CareCircleEditor';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { ...init, headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) } });

const members = [
  { subject: 'fran', displayName: 'Fran Doe', relationship: 'daughter', pointOfContact: true, scopes: ['SCHEDULE', 'MESSAGES'], consentGrantedBy: 'carla', consentGrantedAt: '2026-11-20T10:00:00Z' },
  { subject: null, displayName: 'Tom Doe', relationship: 'son', pointOfContact: false, scopes: [] },
];

describe('the care circle editor', () => {
  it('saves a changed consent with the ETag read, and invites only once the circle is saved, retrying with the same key', async () => {
    const calls: { url: string; method: string; headers: Headers; body?: string }[] = [];
    let invitations = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        calls.push({ url, method, headers: new Headers(init?.headers), body: init?.body as string | undefined });
        if (url.endsWith('/invitations')) {
          invitations += 1;
          if (invitations === 1) return new Response('', { status: 503 }); // the first attempt's answer is lost
          return json({ patientId: 'p1', displayName: 'Tom Doe', subject: 'tom', username: 'tom@doe.example' }, { status: 201 });
        }
        if (method === 'PUT') {
          const sent = JSON.parse(String(init?.body)).members;
          return json({ patientId: 'p1', members: sent }, { headers: { ETag: '"8"' } });
        }
        return json({ patientId: 'p1', members }, { headers: { ETag: '"7"' } });
      }),
    );
    render(<CareCircleEditor patientId="p1" />);
    const tom = await screen.findByRole('group', { name: 'Tom Doe may see:' });
    fireEvent.click(within(tom).getByLabelText('Visit schedule'));
    expect((screen.getByRole('button', { name: 'Invite Tom Doe to sign in' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Save the care circle' }));
    await screen.findByText('The care circle and its consents are saved.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"7"');
    expect(JSON.parse(put.body!).members[1]).toEqual({ subject: null, displayName: 'Tom Doe', relationship: 'son', pointOfContact: false, scopes: ['SCHEDULE'] });
    expect(JSON.parse(put.body!).members[0]).not.toHaveProperty('consentGrantedBy');

    fireEvent.click(screen.getByRole('button', { name: 'Invite Tom Doe to sign in' }));
    const invite = screen.getByRole('group', { name: 'Invite Tom Doe to sign in' });
    fireEvent.click(within(invite).getByRole('button', { name: 'Send the invitation' }));
    expect((await within(invite).findByRole('alert')).textContent).toContain('Write an e-mail address');
    fireEvent.change(within(invite).getByLabelText('E-mail (the sign-in name)'), { target: { value: 'tom@doe.example' } });
    fireEvent.click(within(invite).getByRole('button', { name: 'Send the invitation' }));
    expect((await within(invite).findByRole('alert')).textContent).toContain('Something went wrong on our side');
    fireEvent.click(within(invite).getByRole('button', { name: 'Send the invitation' }));
    await vi.waitFor(() => expect(invitations).toBe(2));
    const keys = calls.filter((c) => c.url.endsWith('/invitations')).map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(calls.find((c) => c.url.endsWith('/invitations'))!.body!)).toEqual({ displayName: 'Tom Doe', email: 'tom@doe.example', givenName: 'Tom', familyName: 'Doe' });
  });
});
