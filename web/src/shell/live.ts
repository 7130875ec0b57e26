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

type Listener = (event: LiveEvent) => void;

/** The tab's stream: opened by the first listener, closed with the last one; EventSource reconnects by itself. */
export class LiveStream {
  private source: EventSource | null = null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly open: (url: string) => EventSource = (url) => new EventSource(url, { withCredentials: true })) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.source) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.source?.close();
        this.source = null;
      }
    };
  }

  /** Delivers one event to every listener (also used by tests). */
  dispatch(event: LiveEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  private connect(): void {
    const source = this.open(STREAM_URL);
    this.source = source;
    for (const kind of LIVE_KINDS) {
      source.addEventListener(kind.toLowerCase(), (message) => {
        try {
          this.dispatch(JSON.parse((message as MessageEvent<string>).data) as LiveEvent);
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
