import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveAnnouncer } from './LiveAnnouncer';

class FakeSource {
  static last: FakeSource | null = null;
  readonly handlers = new Map<string, (m: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeSource.last = this;
  }
  addEventListener(type: string, handler: (m: MessageEvent) => void) {
    this.handlers.set(type, handler);
  }
  close() {}
  emit(type: string, event: object) {
    act(() => this.handlers.get(type)?.({ data: JSON.stringify(event) } as MessageEvent));
  }
}

describe('LiveAnnouncer', () => {
  afterEach(() => {
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  it('announces urgent messages and counts them, but stays quiet about schedule changes', () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeSource;
    render(<LiveAnnouncer readAt="/messages" />);
    const status = screen.getByRole('status');
    expect(FakeSource.last?.url).toBe('/console/api/messaging/v1/stream?since=now');

    FakeSource.last!.emit('change', { kind: 'CHANGE', notice: 'visit-scheduled:v1', patientId: 'p1' });
    expect(status.textContent).toBe('');

    FakeSource.last!.emit('urgent', { kind: 'URGENT', threadId: 't', messageId: 'm1', patientId: 'p1' });
    expect(status.textContent).toContain('An urgent message is waiting for you.');
    FakeSource.last!.emit('message', { kind: 'MESSAGE', threadId: 't', messageId: 'm2', patientId: 'p1' });
    expect(status.textContent).toContain('You have a new message. (2 new items)');
    expect(screen.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('/console/messages');
  });
});

describe('LiveAnnouncer with names', () => {
  afterEach(() => {
    delete (globalThis as { EventSource?: unknown }).EventSource;
  });

  it('names the sender and the patient once they are read', async () => {
    (globalThis as { EventSource?: unknown }).EventSource = FakeSource;
    const names = { patientName: async () => 'Jane Doe', senderName: async () => 'Fran Doe' };
    render(<LiveAnnouncer readAt="/messages" names={names} />);
    FakeSource.last!.emit('message', { kind: 'MESSAGE', threadId: 't', messageId: 'm1', patientId: 'p1' });
    expect(await screen.findByText(/You have a new message from Fran Doe about Jane Doe\./)).toBeDefined();
  });
});
