// Reading a visit with its ETag when the coordinator opens it, and booking it with that ETag (If-Match): if anyone
// books, moves or starts the visit in between, the booking is refused (412) instead of overwriting what they did.
import { api, apiVersioned } from '../api';
import type { Visit } from '../types';
import { instantOf } from './board';
import { instantIn } from './zone';

export interface VersionedVisit {
  visit: Visit;
  etag: string;
}

export async function loadVisit(visitId: string): Promise<VersionedVisit> {
  const { body, etag } = await apiVersioned<Visit>(`/scheduling/v1/visits/${encodeURIComponent(visitId)}`);
  return { visit: body, etag };
}

export interface BookingChoice {
  clinicianId: string;
  /** YYYY-MM-DD and HH:MM in the agency's zone (the browser's when no zone is given) */
  day: string;
  start: string;
  minutes: number;
  /** Telehealth: a video visit, with its https link; no travel and no EVV location. Default: in the home. */
  type?: 'IN_HOME' | 'TELEHEALTH';
  telehealthLink?: string;
}

export interface BookingBody {
  clinicianId: string;
  start: string;
  end: string;
  type?: 'IN_HOME' | 'TELEHEALTH';
  telehealthLink?: string;
}

/** The request body of PUT /visits/{id}/booking for a choice, or the sentences of what is wrong with it. */
export function bookingBody(choice: BookingChoice, visit: Pick<Visit, 'earliest' | 'latest'>, zone?: string): {
  body?: BookingBody;
  errors: string[];
} {
  const errors: string[] = [];
  if (!choice.clinicianId) errors.push('Choose a clinician.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.day)) errors.push('Choose a day.');
  else if (choice.day < visit.earliest || choice.day > visit.latest) {
    errors.push(`Choose a day from ${visit.earliest} to ${visit.latest}, the visit's window.`);
  }
  if (!/^\d{2}:\d{2}$/.test(choice.start)) errors.push('Choose a start time.');
  if (!Number.isInteger(choice.minutes) || choice.minutes < 15 || choice.minutes > 240) {
    errors.push('A visit lasts 15 to 240 minutes.');
  }
  const telehealth = choice.type === 'TELEHEALTH';
  if (telehealth && !/^https:\/\/\S+$/.test(choice.telehealthLink?.trim() ?? '')) {
    errors.push('A telehealth visit needs its video link, starting with https://.');
  }
  if (errors.length) return { errors };
  const start = zone ? instantIn(choice.day, choice.start, zone) : instantOf(choice.day, choice.start);
  const end = new Date(Date.parse(start) + choice.minutes * 60000).toISOString();
  const body: BookingBody = { clinicianId: choice.clinicianId, start, end };
  if (choice.type) body.type = choice.type;
  if (telehealth) body.telehealthLink = choice.telehealthLink!.trim();
  return { body, errors };
}

export function bookVisit(visitId: string, etag: string, body: BookingBody): Promise<Visit> {
  return api<Visit>(`/scheduling/v1/visits/${encodeURIComponent(visitId)}/booking`, {
    method: 'PUT',
    headers: { 'If-Match': etag },
    body: JSON.stringify(body),
  });
}
