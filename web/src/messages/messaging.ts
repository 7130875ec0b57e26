// Messaging as the staff console uses it: threads I take part in, their latest messages, who people are, urgent
// messages waiting for me, and the checks a message passes before it is sent (see messaging-service's
// ThreadController, MessageController and AttachmentController).
import { CONSOLE, api, post } from '../api';
import { myThreads } from './threads';
import { formatTime } from '../shell/states';
import { fullName, type CareTeamMember, type Patient } from '../types';

export interface ThreadView {
  id: string;
  kind: 'CARE_TEAM' | 'FAMILY' | 'DIRECT' | 'HUDDLE';
  patientId?: string | null;
  participants: string[];
  huddle?: { agenda?: string | null; meetsAt?: string | null } | null;
  createdAt: string;
}

export interface Urgent {
  recipient: string;
  backup?: string | null;
  /** null for a notice whose source keeps the clock (an alert's escalation is patient-service's, for instance) */
  dueAt: string | null;
  acknowledgedAt?: string | null;
  acknowledgedBy?: string | null;
  escalatedAt?: string | null;
}

export interface MessageView {
  id: string;
  threadId: string;
  author: string;
  body?: string | null;
  sentAt: string;
  editedAt?: string | null;
  deleted: boolean;
  readBy: { subject: string; at: string }[];
  urgent?: Urgent | null;
  attachmentIds: string[];
}

/** Names of people by token subject, as care teams list them. */
export type Directory = Record<string, string>;

export interface Inbox {
  me: string;
  threads: ThreadView[];
  /** The latest messages of each thread, newest first (as the API gives them). */
  messages: Record<string, MessageView[]>;
  people: Directory;
  patients: Record<string, string>;
}

export const LATEST = 50;
/** Multipart uploads through /console are capped at 1 MiB by the gateway; the margin is for the form's framing. */
export const MAX_PHOTO_BYTES = 1_000_000;
export const MAX_MESSAGE = 4000;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'];

async function orDefault<T>(call: Promise<T>, fallback: T): Promise<T> {
  try {
    return await call;
  } catch {
    return fallback;
  }
}

export function messagesOf(threadId: string): Promise<MessageView[]> {
  return api<MessageView[]>(`/messaging/v1/threads/${encodeURIComponent(threadId)}/messages?size=${LATEST}`);
}

/** Every thread I take part in with its latest messages, and the names of patients and care-team members. */
export async function loadInbox(me: string): Promise<Inbox> {
  // every thread (all pages): what is urgent and unread is counted over all of them, not over a first page
  const threads = await myThreads<ThreadView>();
  const patientIds = [...new Set(threads.map((t) => t.patientId).filter((id): id is string => !!id))];
  const [messages, patients, teams, circles] = await Promise.all([
    Promise.all(threads.map((t) => orDefault(messagesOf(t.id), [] as MessageView[]))),
    Promise.all(patientIds.map((id) => orDefault<Patient | null>(api<Patient>(`/patients/v1/patients/${encodeURIComponent(id)}`), null))),
    Promise.all(
      patientIds.map((id) =>
        orDefault(api<{ members: CareTeamMember[] }>(`/patients/v1/patients/${encodeURIComponent(id)}/care-team`), { members: [] }),
      ),
    ),
    // family members write in family threads: their names are in the care circle, not the care team
    Promise.all(
      patientIds.map((id) =>
        orDefault(api<{ members: CircleName[] }>(`/patients/v1/patients/${encodeURIComponent(id)}/care-circle`), { members: [] }),
      ),
    ),
  ]);
  return {
    me,
    threads,
    messages: Object.fromEntries(threads.map((t, i) => [t.id, messages[i]])),
    people: directory(teams, circles),
    patients: Object.fromEntries(patientIds.map((id, i) => [id, patients[i] ? fullName(patients[i]!) : 'a patient'])),
  };
}

/** A care-circle member as the care team reads them (a contact without a login has no subject). */
export interface CircleName {
  subject?: string | null;
  displayName: string;
  relationship?: string | null;
}

/** Names by subject from the care teams and the care circles ("Fran (daughter)"); a team member's own name wins. */
export function directory(teams: { members: CareTeamMember[] }[], circles: { members: CircleName[] }[]): Directory {
  const people: Directory = {};
  for (const circle of circles) {
    for (const m of circle.members) {
      if (m.subject && m.displayName) people[m.subject] = m.relationship ? `${m.displayName} (${m.relationship})` : m.displayName;
    }
  }
  for (const team of teams) for (const m of team.members) if (m.displayName) people[m.subject] = m.displayName;
  return people;
}

export function personName(subject: string | null | undefined, people: Directory, me: string): string {
  if (!subject) return 'no one';
  if (subject === me) return 'you';
  if (subject === 'system') return 'Hearth';
  return people[subject] ?? 'a colleague';
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function threadTitle(thread: ThreadView, inbox: Pick<Inbox, 'people' | 'patients' | 'me'>): string {
  const patient = thread.patientId ? inbox.patients[thread.patientId] ?? 'a patient' : null;
  switch (thread.kind) {
    case 'CARE_TEAM':
      return `Care team of ${patient}`;
    case 'FAMILY':
      return `Family of ${patient}`;
    case 'HUDDLE':
      return `Huddle on ${patient}`;
    default: {
      const others = thread.participants.filter((p) => p !== inbox.me).map((p) => personName(p, inbox.people, inbox.me));
      return `Direct with ${others.length ? others.join(', ') : 'no one else'}`;
    }
  }
}

/** Urgent messages that wait for my acknowledgement: mine as recipient, or as backup once escalated; oldest due first. */
export function waitingFor(me: string, messages: MessageView[]): MessageView[] {
  return messages
    .filter((m) => !m.deleted && m.urgent && !m.urgent.acknowledgedAt)
    .filter((m) => m.urgent!.recipient === me || (!!m.urgent!.escalatedAt && m.urgent!.backup === me))
    .sort((a, b) => byDueTime(a.urgent!.dueAt, b.urgent!.dueAt));
}

/** Earliest due first; a message without a due time of its own after those with one. */
function byDueTime(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

/** Messages of others I have not read yet. */
export function unreadBy(me: string, messages: MessageView[]): MessageView[] {
  return messages.filter((m) => m.author !== me && !m.deleted && !m.readBy.some((r) => r.subject === me));
}

/** Where an urgent message stands, as a sentence. */
export function urgentStatus(urgent: Urgent, people: Directory, me: string): string {
  const recipient = personName(urgent.recipient, people, me);
  if (urgent.acknowledgedAt) {
    return `Urgent for ${recipient}: acknowledged by ${personName(urgent.acknowledgedBy, people, me)} at ${formatTime(urgent.acknowledgedAt)}.`;
  }
  if (urgent.escalatedAt) {
    return `Urgent for ${recipient}: not acknowledged in time, passed on to ${personName(urgent.backup, people, me)} at ${formatTime(urgent.escalatedAt)}; waiting for acknowledgement.`;
  }
  if (!urgent.dueAt) return `Urgent for ${recipient}: waiting for acknowledgement.`;
  return `Urgent for ${recipient}: waiting for acknowledgement (due ${formatTime(urgent.dueAt)}${urgent.backup ? `, then ${personName(urgent.backup, people, me)} is asked` : ''}).`;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.ceil(bytes / 1000))} KB`;
}

/** Why a photo cannot be sent through the console, or null. */
export function photoProblem(photo: { name: string; size: number; type: string }): string | null {
  const heic = /\.(heic|heif)$/i.test(photo.name);
  if (!PHOTO_TYPES.includes(photo.type) && !heic) {
    return `Only JPEG, PNG or HEIC photos can be attached; \u201c${photo.name}\u201d is none of these.`;
  }
  if (photo.size === 0) return `The photo \u201c${photo.name}\u201d is empty.`;
  if (photo.size > MAX_PHOTO_BYTES) {
    return `The photo \u201c${photo.name}\u201d is ${formatBytes(photo.size)}; photos sent through the console may be at most 1 MB. Choose a smaller photo.`;
  }
  return null;
}

export interface Draft {
  body: string;
  photo?: { name: string; size: number; type: string } | null;
  urgent: boolean;
  recipient: string;
  backup: string;
}

/** Everything wrong with a message before it is sent, as sentences (empty when it may go). */
export function draftProblems(draft: Draft): string[] {
  const problems: string[] = [];
  const length = draft.body.trim().length;
  if (length === 0) problems.push('Write a message before sending.');
  if (length > MAX_MESSAGE) {
    problems.push(`The message has ${length.toLocaleString('en-US')} characters; it may have at most ${MAX_MESSAGE.toLocaleString('en-US')}.`);
  }
  if (draft.urgent && !draft.recipient) problems.push('Choose who the urgent message is for.');
  if (draft.urgent && draft.backup && draft.backup === draft.recipient) problems.push('Choose a backup other than the recipient.');
  const photo = draft.photo ? photoProblem(draft.photo) : null;
  if (photo) problems.push(photo);
  return problems;
}

export function attachmentUrl(threadId: string, attachmentId: string): string {
  return `${CONSOLE}/api/messaging/v1/threads/${encodeURIComponent(threadId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

/** Uploads the photo (if any), then posts the message naming it. */
export async function send(threadId: string, draft: Draft, photo: File | null): Promise<MessageView> {
  const attachmentIds: string[] = [];
  if (photo) {
    const form = new FormData();
    form.append('file', photo, photo.name);
    const stored = await api<{ id: string }>(`/messaging/v1/threads/${encodeURIComponent(threadId)}/attachments`, {
      method: 'POST',
      body: form,
    });
    attachmentIds.push(stored.id);
  }
  return post<MessageView>(`/messaging/v1/threads/${encodeURIComponent(threadId)}/messages`, {
    body: draft.body.trim(),
    urgent: draft.urgent ? { recipient: draft.recipient, backup: draft.backup || null } : null,
    attachmentIds,
  });
}

export function acknowledge(m: MessageView): Promise<MessageView> {
  return post<MessageView>(`/messaging/v1/threads/${encodeURIComponent(m.threadId)}/messages/${encodeURIComponent(m.id)}/acknowledgement`);
}

export function markRead(m: MessageView): Promise<MessageView> {
  return post<MessageView>(`/messaging/v1/threads/${encodeURIComponent(m.threadId)}/messages/${encodeURIComponent(m.id)}/read`);
}
