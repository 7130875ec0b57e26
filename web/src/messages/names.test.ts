import { afterEach, describe, expect, it, vi } from 'vitest';
import { directory, loadInbox, personName } from './messaging';

afterEach(() => vi.unstubAllGlobals());

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });

describe('names in threads', () => {
  it('names family members from the care circle as well as staff from the care team', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.includes('/messaging/v1/threads?')) return json({ items: [{ id: 't1', kind: 'FAMILY', patientId: 'p1', participants: [], createdAt: '' }] });
        if (url.includes('/threads/t1/messages')) return json([]);
        if (url.endsWith('/care-team')) return json({ members: [{ subject: 'nina', role: 'NURSE', displayName: 'Nina Nurse', lead: false }] });
        if (url.endsWith('/care-circle')) {
          return json({ members: [{ subject: 'fran', displayName: 'Fran', relationship: 'daughter' }, { subject: null, displayName: 'Sam', relationship: 'son' }] });
        }
        return json({ id: 'p1', givenName: 'Jane', familyName: 'Doe' });
      }),
    );
    const inbox = await loadInbox('carla');
    expect(personName('fran', inbox.people, 'carla')).toBe('Fran (daughter)');
    expect(personName('nina', inbox.people, 'carla')).toBe('Nina Nurse');
    expect(personName('someone-else', inbox.people, 'carla')).toBe('a colleague');
  });

  it('keeps the care team names when the care circle cannot be read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        if (url.includes('/messaging/v1/threads?')) return json({ items: [{ id: 't1', kind: 'FAMILY', patientId: 'p1', participants: [], createdAt: '' }] });
        if (url.includes('/threads/t1/messages')) return json([]);
        if (url.endsWith('/care-team')) return json({ members: [{ subject: 'nina', role: 'NURSE', displayName: 'Nina Nurse', lead: false }] });
        if (url.endsWith('/care-circle')) return json({ status: 403 }, 403);
        return json({ id: 'p1', givenName: 'Jane', familyName: 'Doe' });
      }),
    );
    const inbox = await loadInbox('carla');
    expect(inbox.people).toEqual({ nina: 'Nina Nurse' });
  });

  it('prefers the staff name when someone is in both', () => {
    expect(
      directory([{ members: [{ subject: 'x', role: 'NURSE', displayName: 'Xena Nurse', lead: false }] }], [{ members: [{ subject: 'x', displayName: 'X', relationship: 'niece' }] }]),
    ).toEqual({ x: 'Xena Nurse' });
  });
});
