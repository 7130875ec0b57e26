import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  draftProblems,
  photoProblem,
  send,
  threadTitle,
  unreadBy,
  urgentStatus,
  waitingFor,
  type MessageView,
} from './messaging';

const ME = 'me-sub';
const NINA = 'nina-sub';
const CARLA = 'carla-sub';
const people = { [NINA]: 'Nina Nurse', [CARLA]: 'Carla Coordinator' };

const message = (over: Partial<MessageView>): MessageView => ({
  id: 'm',
  threadId: 't',
  author: NINA,
  body: 'hello',
  sentAt: '2026-11-25T15:00:00Z',
  deleted: false,
  readBy: [],
  urgent: null,
  attachmentIds: [],
  ...over,
});

const urgent = (over: object) => ({ recipient: ME, backup: CARLA, dueAt: '2026-11-25T15:30:00Z', ...over });

afterEach(() => vi.unstubAllGlobals());

describe('waitingFor', () => {
  it('lists unacknowledged urgent messages for me, and for me as backup only once escalated', () => {
    const list = [
      message({ id: 'plain' }),
      message({ id: 'mine-late', urgent: urgent({ dueAt: '2026-11-25T16:00:00Z' }) }),
      message({ id: 'mine-early', urgent: urgent({ dueAt: '2026-11-25T15:10:00Z' }) }),
      message({ id: 'done', urgent: urgent({ acknowledgedAt: '2026-11-25T15:05:00Z' }) }),
      message({ id: 'deleted', deleted: true, urgent: urgent({}) }),
      message({ id: 'backup-not-yet', urgent: urgent({ recipient: CARLA, backup: ME }) }),
      message({ id: 'backup-now', urgent: urgent({ recipient: CARLA, backup: ME, dueAt: '2026-11-25T16:30:00Z', escalatedAt: '2026-11-25T16:30:00Z' }) }),
      message({ id: 'someone-else', urgent: urgent({ recipient: CARLA, backup: NINA }) }),
    ];
    expect(waitingFor(ME, list).map((m) => m.id)).toEqual(['mine-early', 'mine-late', 'backup-now']);
  });

  it('puts a notice whose source keeps the clock (no due time) after those due, and says no due time', () => {
    const list = [
      message({ id: 'alert-notice', urgent: urgent({ dueAt: null, backup: null }) }),
      message({ id: 'due', urgent: urgent({}) }),
      message({ id: 'another-notice', urgent: urgent({ dueAt: null, backup: null }) }),
    ];
    expect(waitingFor(ME, list).map((m) => m.id)).toEqual(['due', 'alert-notice', 'another-notice']);
    expect(urgentStatus({ recipient: ME, backup: null, dueAt: null } as never, {}, ME))
      .toMatch(/waiting for acknowledgement\.$/);
  });
});

describe('unreadBy', () => {
  it('counts messages of others without my receipt', () => {
    const list = [
      message({ id: 'a' }),
      message({ id: 'b', readBy: [{ subject: ME, at: '2026-11-25T15:01:00Z' }] }),
      message({ id: 'c', author: ME }),
      message({ id: 'd', deleted: true }),
      message({ id: 'e', readBy: [{ subject: CARLA, at: '2026-11-25T15:01:00Z' }] }),
    ];
    expect(unreadBy(ME, list).map((m) => m.id)).toEqual(['a', 'e']);
  });
});

describe('threadTitle', () => {
  const inbox = { me: ME, people, patients: { p1: 'Jane Doe' } };
  it('names the patient or the other people', () => {
    expect(threadTitle({ id: 't', kind: 'CARE_TEAM', patientId: 'p1', participants: [], createdAt: '' }, inbox)).toBe('Care team of Jane Doe');
    expect(threadTitle({ id: 't', kind: 'DIRECT', participants: [ME, NINA, 'x'], createdAt: '' }, inbox)).toBe(
      'Direct with Nina Nurse, a colleague',
    );
  });
});

describe('urgentStatus', () => {
  it('says who must acknowledge and whether they did', () => {
    expect(urgentStatus(urgent({}), people, ME)).toMatch(/^Urgent for you: waiting for acknowledgement \(due .*, then Carla Coordinator is asked\)\.$/);
    expect(urgentStatus(urgent({ acknowledgedAt: '2026-11-25T15:05:00Z', acknowledgedBy: ME }), people, ME)).toMatch(
      /^Urgent for you: acknowledged by you at /,
    );
    expect(urgentStatus(urgent({ recipient: NINA, escalatedAt: '2026-11-25T15:30:00Z' }), people, ME)).toMatch(
      /^Urgent for Nina Nurse: not acknowledged in time, passed on to Carla Coordinator/,
    );
  });
});

describe('photoProblem', () => {
  it('accepts a small photo and refuses anything over 1 MB before sending', () => {
    expect(photoProblem({ name: 'wound.png', size: 2048, type: 'image/png' })).toBeNull();
    expect(photoProblem({ name: 'IMG_1.HEIC', size: 2048, type: '' })).toBeNull();
    expect(photoProblem({ name: 'big.jpg', size: 2_400_000, type: 'image/jpeg' })).toBe(
      'The photo “big.jpg” is 2.4 MB; photos sent through the console may be at most 1 MB. Choose a smaller photo.',
    );
    expect(photoProblem({ name: 'edge.jpg', size: MAX_PHOTO_BYTES, type: 'image/jpeg' })).toBeNull();
    expect(photoProblem({ name: 'anim.gif', size: 10, type: 'image/gif' })).toMatch(/^Only JPEG, PNG or HEIC photos/);
  });
});

describe('draftProblems', () => {
  it('explains every problem as a sentence', () => {
    expect(draftProblems({ body: '  ', urgent: true, recipient: '', backup: '' })).toEqual([
      'Write a message before sending.',
      'Choose who the urgent message is for.',
    ]);
    expect(draftProblems({ body: 'x'.repeat(4001), urgent: true, recipient: NINA, backup: NINA })).toEqual([
      'The message has 4,001 characters; it may have at most 4,000.',
      'Choose a backup other than the recipient.',
    ]);
    expect(draftProblems({ body: 'Fine', urgent: false, recipient: '', backup: '' })).toEqual([]);
  });
});

describe('send', () => {
  it('uploads the photo first, then posts the urgent message naming it', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(JSON.stringify(url.endsWith('/attachments') ? { id: 'att-1' } : { id: 'm-1' }), { status: 201 });
      }),
    );
    const photo = new File([new Uint8Array([0x89, 0x50])], 'wound.png', { type: 'image/png' });

    await send('t-1', { body: ' Look at this ', urgent: true, recipient: NINA, backup: '' }, photo);

    expect(calls.map((c) => c.url)).toEqual([
      '/console/api/messaging/v1/threads/t-1/attachments',
      '/console/api/messaging/v1/threads/t-1/messages',
    ]);
    expect((calls[0].init.body as FormData).get('file')).toBeInstanceOf(File);
    expect(JSON.parse(calls[1].init.body as string)).toEqual({
      body: 'Look at this',
      urgent: { recipient: NINA, backup: null },
      attachmentIds: ['att-1'],
    });
  });
});
