// Every call of the web app goes to the gateway's /console/api/** with the session cookie; the gateway adds the
// access token. The app never sees a token. Unsafe methods echo the XSRF-TOKEN cookie in X-XSRF-TOKEN.

export const CONSOLE = '/console';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  correlationId?: string;
  errors?: { field?: string; message?: string }[];
  /** A business rule refused the request (422 rules-violated): each broken rule with its message. */
  violations?: { rule?: string; message?: string }[];
}

/** A failed call, with what to tell the person as a sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

export const SIGNED_OUT_EVENT = 'hearth:signed-out';

export function cookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function humanField(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/\[\d+\]/g, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : capital + '.';
}

/** RFC 9457 problem details as sentences a coordinator or a family member can read. */
export function problemSentence(status: number, problem?: Problem): string {
  const reference = problem?.correlationId ? ` (reference ${problem.correlationId})` : '';
  if (problem?.errors && problem.errors.length > 0) {
    return problem.errors
      .map((e) => asSentence(`${e.field ? humanField(e.field) + ' ' : ''}${e.message ?? 'is not valid'}`))
      .join(' ');
  }
  if (problem?.violations && problem.violations.length > 0) {
    const rules = problem.violations.map((v) => asSentence(v.message ?? v.rule ?? 'A rule was broken')).join(' ');
    return problem.detail ? `${asSentence(problem.detail)} ${rules}` : rules;
  }
  switch (status) {
    case 401:
      return 'Your session has ended. Please sign in again.';
    case 403:
      return 'You do not have access to this.';
    case 404:
      return 'This could not be found. It may have been removed, or it is not shared with you.';
    case 409:
    case 412:
      return asSentence(problem?.detail ?? 'Someone else changed this in the meantime. Reload and try again');
    case 413:
      return 'This is too large to send.';
    case 429:
      return 'Too many requests right now. Please wait a moment and try again.';
  }
  if (status >= 500) {
    return `Something went wrong on our side. Please try again shortly${reference}.`;
  }
  return asSentence(problem?.detail ?? problem?.title ?? 'The request could not be completed');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function call<T>(url: string, init: RequestInit = {}): Promise<T> {
  return (await exchange<T>(url, init)).body;
}

/** One call: CSRF on unsafe methods, 401 → signed out, problem+json → ApiError; the body and the ETag. */
async function exchange<T>(url: string, init: RequestInit = {}): Promise<{ body: T; etag: string }> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json, application/problem+json');
  if (UNSAFE.has(method)) {
    const csrf = cookie('XSRF-TOKEN');
    if (csrf) headers.set('X-XSRF-TOKEN', csrf);
    // a FormData body (an upload) gets its multipart boundary from the browser
    const form = typeof FormData !== 'undefined' && init.body instanceof FormData;
    if (init.body && !form && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, method, headers, credentials: 'same-origin', redirect: 'manual' });
  } catch {
    throw new ApiError(0, 'Hearth cannot be reached. Check your connection and try again.');
  }
  if (response.status === 401 || response.type === 'opaqueredirect') {
    window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    throw new ApiError(401, problemSentence(401));
  }
  if (!response.ok) {
    let problem: Problem | undefined;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = undefined;
    }
    throw new ApiError(response.status, problemSentence(response.status, problem), problem);
  }
  const etag = response.headers.get('ETag') ?? '';
  if (response.status === 204) return { body: undefined as T, etag };
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag };
}

/** A call to a service through the console prefix: api('/patients/v1/patients'). */
export function api<T>(path: string, init?: RequestInit): Promise<T> {
  return call<T>(`${CONSOLE}/api${path}`, init);
}

/** A read with its ETag, for a later write with If-Match: the write is refused (412) if anyone changed it since. */
export function apiVersioned<T>(path: string): Promise<{ body: T; etag: string }> {
  return exchange<T>(`${CONSOLE}/api${path}`);
}

/** A write to a versioned resource (If-Match in init), answering the body with the new ETag for the next write. */
export function apiVersionedWrite<T>(path: string, init: RequestInit): Promise<{ body: T; etag: string }> {
  return exchange<T>(`${CONSOLE}/api${path}`, init);
}

export function post<T>(path: string, body?: unknown): Promise<T> {
  return api<T>(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

/** The services' largest page (platform's Paging.MAX_SIZE): size 1-200, 50 by default. */
export const MAX_PAGE_SIZE = 200;

/** The most items a complete read takes in; a longer list is refused with {@link TooManyError}, never cut short. */
export const ALL_PAGES_CAP = 2000;

/** A list too long to be read whole: what it says is shown to the person in place of a partial answer. */
export class TooManyError extends ApiError {
  constructor(readonly total: number, readonly cap: number, what: string) {
    super(0, `There are ${total} ${what}, more than this page can read at once (${cap}). It shows nothing rather than part of them: please tell your administrator.`);
  }
}

/**
 * Every item of a paged list, page after page at the largest size, for a count, a computation or a lookup that must
 * see all of them (a first page silently drops the rest). Bounded: more than `cap` items (by the list's own total, or
 * by the pages read if the total moves meanwhile) is a {@link TooManyError}, never a silent truncation. `path` may
 * carry the list's filters; the page parameters are added here.
 */
export async function allPages<T>(path: string, { cap = ALL_PAGES_CAP, what = 'items' }: { cap?: number; what?: string } = {}): Promise<T[]> {
  const join = path.includes('?') ? '&' : '?';
  const items: T[] = [];
  for (let page = 0; ; page++) {
    const result = await api<Page<T>>(`${path}${join}page=${page}&size=${MAX_PAGE_SIZE}`);
    if (result.totalItems > cap) throw new TooManyError(result.totalItems, cap, what);
    items.push(...result.items);
    if (items.length > cap) throw new TooManyError(items.length, cap, what);
    if (result.items.length === 0 || !(page + 1 < result.totalPages)) return items;
  }
}

export interface Session {
  username: string;
  subject: string;
  name: string;
  roles: string[];
  agency: string | null;
  idleTimeoutSeconds: number;
}

export function loadSession(): Promise<Session> {
  return call<Session>(`${CONSOLE}/session`);
}

/** Today in the browser's zone as YYYY-MM-DD (the agency's zone in practice). */
export function isoDate(date: Date = new Date()): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
