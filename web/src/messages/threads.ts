// The threads I take part in, from messaging-service a page at a time (GET /threads, optionally narrowed to one
// patient and one kind): read through allPages, so a thread on a later page is never missed.
import { allPages } from '../api';
import type { Thread } from '../types';

/** Every thread I take part in (all pages, bounded by allPages' cap). */
export function myThreads<T extends Thread = Thread>(): Promise<T[]> {
  return allPages<T>('/messaging/v1/threads', { what: 'threads you take part in' });
}

/** The patient's threads of one kind that I take part in (their care-team, family or huddle threads). */
export async function threadsOf<T extends Thread = Thread>(patientId: string, kind: Thread['kind']): Promise<T[]> {
  const threads = await allPages<T>(`/messaging/v1/threads?patientId=${encodeURIComponent(patientId)}&kind=${kind}`, {
    what: 'threads of this patient',
  });
  // the filter is the service's; checked here too, so an older service that ignores it cannot hand over another thread
  return threads.filter((t) => t.kind === kind && t.patientId === patientId);
}
