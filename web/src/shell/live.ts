// Live updates without reload: one server-sent event stream per browser tab (messaging-service's /stream through the
// gateway, with the session cookie), shared by every page that listens. Events carry ids and a kind only; a page that
// cares reloads what it shows through the normal API, where access is checked again.
import { useEffect, useRef } from 'react';
import { CONSOLE } from '../api';

export type LiveKind = 'MESSAGE' | 'URGENT' | 'ESCALATED' | 'ACKNOWLEDGED' | 'NOTICE' | 'CHANGE';

export interface LiveEvent {
  kind: LiveKind;
  threadId?: string | null;
  messageId?: string | null;
  patientId?: string | null;
  /**
   * For NOTICE and CHANGE: what happened, as "<what>:<id>": notices ("visit-missed:…", "authorization-low:…") are
   * mailed to people who are away; changes ("visit-scheduled:…", "visit-rescheduled:…", "visit-cancelled:…") only
   * make open screens reload.
   */
  notice?: string | null;
  at?: string;
}

export const LIVE_KINDS: LiveKind[] = ['MESSAGE', 'URGENT', 'ESCALATED', 'ACKNOWLEDGED', 'NOTICE', 'CHANGE'];
// since=now: a page loads what exists itself; the stream tells it what happens from now on (and resumes by event id)
export const STREAM_URL = `${CONSOLE}/api/messaging/v1/stream?since=now`;

/** The stream from just after event {@code id}, for a stream the tab opens again itself. */
export function resumeUrl(id: string): string {
  return `${CONSOLE}/api/messaging/v1/stream?lastEventId=${encodeURIComponent(id)}`;
}

type Listener = (event: LiveEvent) => void;

/** The longest wait before opening a refused stream again, and the first one. */
export const RECONNECT_MAX_MS = 60_000;
const RECONNECT_FIRST_MS = 2_000;
const CLOSED = 2; // EventSource.CLOSED (EventSource itself is missing where the unit tests run)

/**
 * The wait before the {@code attempt}th new stream (1, 2, …): doubling from 2 s up to a minute, each drawn at random
 * between half and all of it, so that the tabs of a whole agency refused at once do not come back at once.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

type Timers = { set: (run: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
const windowTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The tab's stream: opened by the first listener, closed with the last one. EventSource reconnects by itself only
 * when a connection breaks; an answer that is not a stream (503 from an instance that holds all the streams it can,
 * 502 while a service restarts, 401 after the session ended) closes it for good. Then the tab opens a new one itself,
 * after a growing, randomized wait, from the last event it received, so that nothing is missed meanwhile.
 */
export class LiveStream {
  private source: EventSource | null = null;
  private readonly listeners = new Set<Listener>();
  private lastEventId: string | null = null;
  private attempts = 0;
  private retry: unknown = null;

  constructor(
    private readonly open: (url: string) => EventSource = (url) => new EventSource(url, { withCredentials: true }),
    private readonly timers: Timers = windowTimers,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.source && this.retry === null) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.source?.close();
        this.source = null;
        if (this.retry !== null) this.timers.clear(this.retry);
        this.retry = null;
        this.attempts = 0;
        this.lastEventId = null; // the next page loads what exists itself: its stream starts "now", replaying nothing
      }
    };
  }

  /** Delivers one event to every listener (also used by tests). */
  dispatch(event: LiveEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private connect(): void {
    const source = this.open(this.lastEventId === null ? STREAM_URL : resumeUrl(this.lastEventId));
    this.source = source;
    source.addEventListener('open', () => {
      this.attempts = 0;
    });
    source.addEventListener('error', () => {
      // CONNECTING: the browser reconnects by itself (with Last-Event-ID); CLOSED: it gave up, so the tab takes over
      if (this.source !== source || source.readyState !== CLOSED) return;
      source.close();
      this.source = null;
      this.attempts += 1;
      this.retry = this.timers.set(() => {
        this.retry = null;
        if (this.listeners.size > 0) this.connect();
      }, reconnectDelay(this.attempts));
    });
    for (const kind of LIVE_KINDS) {
      source.addEventListener(kind.toLowerCase(), (message) => {
        const event = message as MessageEvent<string>;
        if (event.lastEventId) this.lastEventId = event.lastEventId;
        try {
          this.dispatch(JSON.parse(event.data) as LiveEvent);
        } catch {
          // not an event of ours (a comment or a heartbeat never reaches here); ignore it
        }
      });
    }
  }
}

let shared: LiveStream | null = null;

function stream(): LiveStream {
  if (!shared) shared = new LiveStream();
  return shared;
}

/**
 * Calls {@code onEvent} for every live event that passes {@code accept} while the component is shown. Pages use it
 * to reload: {@code useLive(reload, (e) => e.patientId === patientId)}.
 */
export function useLive(onEvent: (event: LiveEvent) => void, accept: (event: LiveEvent) => boolean = () => true): void {
  const latest = useRef({ onEvent, accept });
  latest.current = { onEvent, accept };
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined; // jsdom in unit tests
    return stream().subscribe((event) => {
      if (latest.current.accept(event)) latest.current.onEvent(event);
    });
  }, []);
}

/** What a NOTICE or CHANGE is about ("visit-missed" of "visit-missed:123"), or null. */
export function noticeKind(event: LiveEvent): string | null {
  if ((event.kind !== 'NOTICE' && event.kind !== 'CHANGE') || !event.notice) return null;
  const colon = event.notice.indexOf(':');
  return colon < 0 ? event.notice : event.notice.slice(0, colon);
}

/** Anything about the schedule: a visit booked, moved, cancelled or missed. */
export function isScheduleEvent(event: LiveEvent): boolean {
  return noticeKind(event)?.startsWith('visit-') ?? false;
}

/** One sentence for the person, or null when the event is only a reason to reload. */
export function liveSentence(event: LiveEvent): string | null {
  switch (event.kind) {
    case 'URGENT':
      return 'An urgent message is waiting for you.';
    case 'ESCALATED':
      return 'An urgent message was escalated to you.';
    case 'MESSAGE':
      return 'You have a new message.';
    case 'NOTICE':
      switch (noticeKind(event)) {
        case 'visit-missed':
          return 'A visit was missed.';
        case 'authorization-low':
          return 'An authorization is running low.';
        case 'break-glass-opened':
          return 'A record was opened in an emergency (break-glass).';
      }
      return 'Something needs your attention.';
  }
  return null;
}
