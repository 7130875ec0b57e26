// Names for the live banner: who wrote and about whom. A live event carries ids only (no PHI on the wire or in
// logs); the names are read through the normal API, where access is checked again, and cached for the tab.
import { api, type Page } from '../api';
import { fullName, type Patient } from '../types';
import { liveSentence, noticeKind, type LiveEvent } from './live';

export interface NameLookups {
  patientName: (patientId: string) => Promise<string | null>;
  /** The author of a message, by name ("Hearth" for a system notice), or null when it cannot be told. */
  senderName: (threadId: string, messageId: string, patientId: string | null | undefined) => Promise<string | null>;
}

/** The banner's sentence with names where they are known; without them it says what {@link liveSentence} says. */
export async function describeLive(event: LiveEvent, names: NameLookups): Promise<string | null> {
  const plain = liveSentence(event);
  if (!plain || !event.patientId) return plain;
  const [patient, sender] = await Promise.all([
    names.patientName(event.patientId).catch(() => null),
    event.threadId && event.messageId && event.kind !== 'ESCALATED'
      ? names.senderName(event.threadId, event.messageId, event.patientId).catch(() => null)
      : Promise.resolve(null),
  ]);
  const from = sender ? ` from ${sender}` : '';
  const about = patient ? ` about ${patient}` : '';
  switch (event.kind) {
    case 'MESSAGE':
      return `You have a new message${from}${about}.`;
    case 'URGENT':
      return `An urgent message${from}${about} is waiting for you.`;
    case 'ESCALATED':
      return `An urgent message${about} was escalated to you.`;
    case 'NOTICE':
      if (!patient) return plain;
      switch (noticeKind(event)) {
        case 'visit-missed':
          return `A visit of ${patient} was missed.`;
        case 'authorization-low':
          return `An authorization of ${patient} is running low.`;
        case 'break-glass-opened':
          return `The record of ${patient} was opened in an emergency (break-glass).`;
      }
      return `Something about ${patient} needs your attention.`;
  }
  return plain;
}

interface Named {
  subject?: string | null;
  displayName?: string | null;
}

function cached<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let hit = cache.get(key);
    if (!hit) {
      hit = load(key);
      cache.set(key, hit);
      hit.catch(() => cache.delete(key)); // a failed read is tried again next time
    }
    return hit;
  };
}

/** The people named around a patient: the care team and the care circle (each read only where access allows). */
const peopleOf = cached(async (patientId: string) => {
  const id = encodeURIComponent(patientId);
  const read = (path: string) => api<{ members: Named[] }>(path).then((r) => r.members, () => [] as Named[]);
  const [team, circle] = await Promise.all([read(`/patients/v1/patients/${id}/care-team`), read(`/patients/v1/patients/${id}/care-circle`)]);
  const names = new Map<string, string>();
  for (const m of [...team, ...circle]) if (m.subject && m.displayName) names.set(m.subject, m.displayName);
  return names;
});

export const apiLookups: NameLookups = {
  patientName: cached(async (patientId) => fullName(await api<Patient>(`/patients/v1/patients/${encodeURIComponent(patientId)}`))),
  senderName: async (threadId, messageId, patientId) => {
    // the newest 20 are enough: the event is about a message that has just arrived
    const messages = await api<{ id: string; author: string }[] | Page<{ id: string; author: string }>>(
      `/messaging/v1/threads/${encodeURIComponent(threadId)}/messages?size=20`,
    );
    const list = Array.isArray(messages) ? messages : messages.items;
    const author = list.find((m) => m.id === messageId)?.author;
    if (!author) return null;
    if (author === 'system') return 'Hearth';
    return patientId ? ((await peopleOf(patientId)).get(author) ?? null) : null;
  },
};
