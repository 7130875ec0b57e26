import { describe, expect, it } from 'vitest';
import { describeLive, type NameLookups } from './liveNames';

const names: NameLookups = {
  patientName: async (id) => (id === 'jane' ? 'Jane Doe' : null),
  senderName: async (_thread, message) => (message === 'm-fran' ? 'Fran Doe' : message === 'm-system' ? 'Hearth' : null),
};

describe('live banner names', () => {
  it('names the sender and the patient of a new or urgent message', async () => {
    expect(await describeLive({ kind: 'MESSAGE', threadId: 't', messageId: 'm-fran', patientId: 'jane' }, names)).toBe(
      'You have a new message from Fran Doe about Jane Doe.',
    );
    expect(await describeLive({ kind: 'URGENT', threadId: 't', messageId: 'm-system', patientId: 'jane' }, names)).toBe(
      'An urgent message from Hearth about Jane Doe is waiting for you.',
    );
    expect(await describeLive({ kind: 'ESCALATED', threadId: 't', messageId: 'm-fran', patientId: 'jane' }, names)).toBe(
      'An urgent message about Jane Doe was escalated to you.',
    );
    expect(await describeLive({ kind: 'NOTICE', notice: 'visit-missed:v', patientId: 'jane' }, names)).toBe('A visit of Jane Doe was missed.');
  });

  it('says what it can when a name cannot be read, and nothing for a change', async () => {
    expect(await describeLive({ kind: 'MESSAGE', threadId: 't', messageId: 'm-other', patientId: 'jane' }, names)).toBe(
      'You have a new message about Jane Doe.',
    );
    const failing: NameLookups = { patientName: () => Promise.reject(new Error('403')), senderName: () => Promise.reject(new Error('403')) };
    expect(await describeLive({ kind: 'MESSAGE', threadId: 't', messageId: 'm', patientId: 'x' }, failing)).toBe('You have a new message.');
    expect(await describeLive({ kind: 'CHANGE', notice: 'authorization-changed:a', patientId: 'jane' }, names)).toBeNull();
  });
});
