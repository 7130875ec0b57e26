// The threads I take part in. messaging-service lists them a page at a time with no filter by patient or kind, so
// finding a patient's care-team, family or huddle thread reads every page: a thread on page 2 is still found.
import { allPages } from '../api';
import type { Thread } from '../types';

/** Every thread I take part in (all pages, bounded by allPages' cap). */
export function myThreads<T extends Thread = Thread>(): Promise<T[]> {
  return allPages<T>('/messaging/v1/threads', { what: 'threads you take part in' });
}

/** The patient's threads of one kind that I take part in. */
export async function threadsOf<T extends Thread = Thread>(patientId: string, kind: Thread['kind']): Promise<T[]> {
  return (await myThreads<T>()).filter((t) => t.kind === kind && t.patientId === patientId);
}
