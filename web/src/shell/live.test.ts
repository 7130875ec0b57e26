import { describe, expect, it } from 'vitest';
import { LiveStream, STREAM_URL, isScheduleEvent, liveSentence, noticeKind, type LiveEvent } from './live';

class FakeSource {
  static opened: string[] = [];
  readonly handlers = new Map<string, (m: MessageEvent) => void>();
  closed = false;
  constructor(url: string) {
    FakeSource.opened.push(url);
  }
  addEventListener(type: string, handler: (m: MessageEvent) => void) {
    this.handlers.set(type, handler);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: string) {
    this.handlers.get(type)?.({ data } as MessageEvent);
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
