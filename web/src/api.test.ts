import { afterEach, describe, expect, it, vi } from 'vitest';
import { SIGNED_OUT_EVENT, TooManyError, allPages, api, cookie, post, problemSentence } from './api';
import { pageOf } from './testPages';

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('problemSentence', () => {
  it('lists each broken business rule after the detail', () => {
    expect(
      problemSentence(422, {
        detail: 'The booking breaks 2 rules',
        violations: [
          { rule: 'WORKING_HOURS', message: 'Nina does not work on Sundays' },
          { rule: 'AUTHORIZATION', message: 'no approved SN authorization covers the day' },
        ],
      }),
    ).toBe('The booking breaks 2 rules. Nina does not work on Sundays. No approved SN authorization covers the day.');
  });

  it('turns field errors into sentences', () => {
    expect(
      problemSentence(400, {
        type: '/problems/validation',
        errors: [
          { field: 'birthDate', message: 'must be a past date' },
          { field: 'address.postalCode', message: 'must not be blank' },
        ],
      }),
    ).toBe('Birth date must be a past date. Postal code must not be blank.');
  });

  it('uses the detail of a conflict as a sentence', () => {
    expect(problemSentence(409, { detail: 'There is no draft to sign' })).toBe('There is no draft to sign.');
  });

  it('never shows a server error detail, only a reference', () => {
    const sentence = problemSentence(500, { detail: 'NullPointerException at org.hearth', correlationId: 'c-1' });
    expect(sentence).toBe('Something went wrong on our side. Please try again shortly (reference c-1).');
  });

  it('explains forbidden and not found plainly', () => {
    expect(problemSentence(403)).toBe('You do not have access to this.');
    expect(problemSentence(404)).toMatch(/could not be found/);
  });
});

describe('api', () => {
  it('calls the console prefix with the session cookie and no token', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('{"items":[]}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);

    await api('/patients/v1/patients');

    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/console/api/patients/v1/patients');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Headers).has('Authorization')).toBe(false);
    expect((init.headers as Headers).has('X-XSRF-TOKEN')).toBe(false);
  });

  it('echoes the CSRF cookie on unsafe methods', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123; path=/';
    const fetchMock = vi.fn().mockResolvedValue(new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);

    await post('/messaging/v1/threads/t/messages', { body: 'hello' });

    const init = fetchMock.mock.calls[0][1];
    expect(init.method).toBe('POST');
    expect((init.headers as Headers).get('X-XSRF-TOKEN')).toBe('abc-123');
    expect((init.headers as Headers).get('Content-Type')).toBe('application/json');
  });

  it('leaves the multipart content type of an upload to the browser', async () => {
    document.cookie = 'XSRF-TOKEN=abc-123; path=/';
    const fetchMock = vi.fn().mockResolvedValue(new Response('{"id":"a-1"}', { status: 201 }));
    vi.stubGlobal('fetch', fetchMock);
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'image/png' }), 'photo.png');

    await api('/messaging/v1/threads/t/attachments', { method: 'POST', body: form });

    const init = fetchMock.mock.calls[0][1];
    expect(init.body).toBe(form);
    expect((init.headers as Headers).has('Content-Type')).toBe(false);
    expect((init.headers as Headers).get('X-XSRF-TOKEN')).toBe('abc-123');
  });

  it('throws the problem as a sentence', async () => {
    const problem = { type: '/problems/forbidden', status: 403, detail: 'Forbidden' };
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response(JSON.stringify(problem), { status: 403 })));

    await expect(api('/billing/v1/authorizations')).rejects.toMatchObject({ status: 403, message: 'You do not have access to this.' });
  });

  it('announces an ended session', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(new Response('{}', { status: 401 })));
    const listener = vi.fn();
    window.addEventListener(SIGNED_OUT_EVENT, listener);

    await expect(api('/patients/v1/patients')).rejects.toMatchObject({ status: 401 });

    expect(listener).toHaveBeenCalledOnce();
    window.removeEventListener(SIGNED_OUT_EVENT, listener);
  });
});

describe('cookie', () => {
  it('reads one cookie among several', () => {
    expect(cookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=x%3Dy; b=2')).toBe('x=y');
    expect(cookie('missing', 'a=1')).toBeUndefined();
  });
});

describe('allPages', () => {
  const items = Array.from({ length: 450 }, (_, i) => ({ id: `i${i}` }));
  const answering = (list: unknown[], lie?: Partial<Record<'totalItems' | 'totalPages', number>>) => {
    const fetchMock = vi.fn(async (url: string) => new Response(JSON.stringify({ ...pageOf(list, url), ...lie })));
    vi.stubGlobal('fetch', fetchMock);
    return fetchMock;
  };

  it('follows the pages at the largest size until the last, keeping the filters of the path', async () => {
    const fetchMock = answering(items);
    const all = await allPages<{ id: string }>('/patients/v1/alerts?status=OPEN');
    expect(all.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([
      '/console/api/patients/v1/alerts?status=OPEN&page=0&size=200',
      '/console/api/patients/v1/alerts?status=OPEN&page=1&size=200',
      '/console/api/patients/v1/alerts?status=OPEN&page=2&size=200',
    ]);
  });

  it('reads one page when the list fits in it', async () => {
    const fetchMock = answering(items.slice(0, 3));
    expect(await allPages('/billing/v1/payers')).toHaveLength(3);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/console/api/billing/v1/payers?page=0&size=200');
  });

  it('refuses a list longer than the cap with a sentence, rather than answering part of it', async () => {
    const fetchMock = answering(items);
    const refused = allPages('/patients/v1/patients', { cap: 300, what: 'patients' });
    await expect(refused).rejects.toBeInstanceOf(TooManyError);
    await expect(refused).rejects.toThrow('There are 450 patients, more than this page can read at once (300).');
    expect(fetchMock).toHaveBeenCalledTimes(1); // the first page's total says so: no more pages are read
  });

  it('stops at the cap even when the totals do not tell (the list grew while it was read)', async () => {
    const fetchMock = answering(items, { totalItems: 10, totalPages: 99 });
    await expect(allPages('/patients/v1/patients', { cap: 300 })).rejects.toBeInstanceOf(TooManyError);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
