import { describe, expect, it } from 'vitest';
import {
  LiveStream,
  RECONNECT_MAX_MS,
  STREAM_URL,
  isScheduleEvent,
  liveSentence,
  noticeKind,
  reconnectDelay,
  resumeUrl,
  type LiveEvent,
} from './live';

class FakeSource {
  static opened: string[] = [];
  readonly handlers = new Map<string, (m: MessageEvent) => void>();
  closed = false;
  readyState = 1;
  constructor(url: string) {
    FakeSource.opened.push(url);
  }
  addEventListener(type: string, handler: (m: MessageEvent) => void) {
    this.handlers.set(type, handler);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: string, lastEventId = '') {
    this.handlers.get(type)?.({ data, lastEventId } as MessageEvent);
  }
  /** What the browser does: CONNECTING when it will reconnect by itself, CLOSED when the answer was no stream. */
  fail(readyState: number) {
    this.readyState = readyState;
    this.handlers.get('error')?.({} as MessageEvent);
  }
}

/** Timers the test runs by hand: what was set, and with which wait. */
class ManualTimers {
  pending: { run: () => void; ms: number; cleared: boolean }[] = [];
  set = (run: () => void, ms: number) => {
    const timer = { run, ms, cleared: false };
    this.pending.push(timer);
    return timer;
  };
  clear = (handle: unknown) => {
    (handle as { cleared: boolean }).cleared = true;
  };
  runNext() {
    const timer = this.pending.shift()!;
    if (!timer.cleared) timer.run();
    return timer;
  }
}

describe('LiveStream', () => {
  it('opens one stream for all listeners, parses each kind and closes with the last listener', () => {
    FakeSource.opened = [];
    let source: FakeSource | null = null;
    const live = new LiveStream((url) => (source = new FakeSource(url)) as unknown as EventSource);
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    const offA = live.subscribe((e) => a.push(e));
    const offB = live.subscribe((e) => b.push(e));
    expect(FakeSource.opened).toEqual([STREAM_URL]);
    source!.emit('urgent', JSON.stringify({ kind: 'URGENT', threadId: 't1', messageId: 'm1', patientId: 'p1' }));
    source!.emit('notice', JSON.stringify({ kind: 'NOTICE', patientId: 'p1', notice: 'visit-booked:v9' }));
    source!.emit('message', 'not json');
    expect(a.map((e) => e.kind)).toEqual(['URGENT', 'NOTICE']);
    expect(b).toHaveLength(2);
    offA();
    expect(source!.closed).toBe(false);
    offB();
    expect(source!.closed).toBe(true);
  });

  it('opens a stream the server refused again itself, later each time, from the last event it received', () => {
    FakeSource.opened = [];
    const sources: FakeSource[] = [];
    const timers = new ManualTimers();
    const live = new LiveStream((url) => {
      const source = new FakeSource(url);
      sources.push(source);
      return source as unknown as EventSource;
    }, timers);
    const got: LiveEvent[] = [];
    live.subscribe((e) => got.push(e));
    sources[0].emit('message', JSON.stringify({ kind: 'MESSAGE', threadId: 't1' }), '41');

    sources[0].fail(0); // the connection broke: the browser reconnects by itself, with Last-Event-ID
    expect(sources).toHaveLength(1);
    expect(timers.pending).toHaveLength(0);

    sources[0].fail(2); // 503: the browser gave up
    expect(sources[0].closed).toBe(true);
    expect(timers.pending).toHaveLength(1);
    const first = timers.runNext();
    expect(FakeSource.opened).toEqual([STREAM_URL, resumeUrl('41')]);

    sources[1].fail(2); // refused again: a longer wait
    const second = timers.runNext();
    expect(first.ms).toBeLessThanOrEqual(2000);
    expect(second.ms).toBeGreaterThanOrEqual(2000);
    sources[2].handlers.get('open')?.({} as MessageEvent); // it held: the next refusal starts from the first wait
    sources[2].emit('urgent', JSON.stringify({ kind: 'URGENT', messageId: 'm2' }), '42');
    sources[2].fail(2);
    expect(timers.pending[0].ms).toBeLessThanOrEqual(2000);
    timers.runNext();
    expect(FakeSource.opened.at(-1)).toBe(resumeUrl('42'));
    expect(got.map((e) => e.kind)).toEqual(['MESSAGE', 'URGENT']);
  });

  it('starts a new subscription after every listener left "now", not from the old stream\'s last event', () => {
    FakeSource.opened = [];
    let source: FakeSource | null = null;
    const live = new LiveStream((url) => (source = new FakeSource(url)) as unknown as EventSource, new ManualTimers());
    const off = live.subscribe(() => {});
    source!.emit('message', JSON.stringify({ kind: 'MESSAGE', threadId: 't1' }), '7');
    off();
    live.subscribe(() => {});
    expect(FakeSource.opened).toEqual([STREAM_URL, STREAM_URL]);
  });

  it('opens nothing more once the last listener has left, even with a new stream already due', () => {
    FakeSource.opened = [];
    let source: FakeSource | null = null;
    const timers = new ManualTimers();
    const live = new LiveStream((url) => (source = new FakeSource(url)) as unknown as EventSource, timers);
    const off = live.subscribe(() => {});
    source!.fail(2);
    off();
    timers.runNext();
    expect(FakeSource.opened).toEqual([STREAM_URL]);
  });

  it('waits from 1-2 s up to 30-60 s, at random within each step', () => {
    expect(reconnectDelay(1, () => 0)).toBe(1000);
    expect(reconnectDelay(1, () => 1)).toBe(2000);
    expect(reconnectDelay(2, () => 0.5)).toBe(3000);
    expect(reconnectDelay(20, () => 0)).toBe(RECONNECT_MAX_MS / 2);
    expect(reconnectDelay(20, () => 1)).toBe(RECONNECT_MAX_MS);
  });

  it('names the kind of a notice', () => {
    expect(noticeKind({ kind: 'NOTICE', notice: 'visit-missed:123' })).toBe('visit-missed');
    expect(noticeKind({ kind: 'MESSAGE', notice: null })).toBeNull();
  });

  it('tells schedule changes apart and says what deserves a sentence', () => {
    expect(isScheduleEvent({ kind: 'CHANGE', notice: 'visit-rescheduled:7' })).toBe(true);
    expect(isScheduleEvent({ kind: 'NOTICE', notice: 'visit-missed:7' })).toBe(true);
    expect(isScheduleEvent({ kind: 'NOTICE', notice: 'authorization-low:7' })).toBe(false);
    expect(liveSentence({ kind: 'CHANGE', notice: 'visit-scheduled:7' })).toBeNull();
    expect(liveSentence({ kind: 'URGENT', messageId: 'm' })).toBe('An urgent message is waiting for you.');
    expect(liveSentence({ kind: 'NOTICE', notice: 'authorization-low:a' })).toBe('An authorization is running low.');
    expect(liveSentence({ kind: 'NOTICE', notice: 'break-glass-opened:g' })).toBe(
      'A record was opened in an emergency (break-glass).',
    );
  });
});
