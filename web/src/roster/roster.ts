// The roster's logic, out of the components: certification warnings, hours in words, and the request body the
// scheduling-service takes to replace a clinician (PUT /clinicians/{id} with If-Match; unknown fields are refused).
import { api, apiVersioned } from '../api';

export const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Certification {
  name: string;
  expiresOn: string;
}

export interface Hours {
  day: Weekday;
  start: string;
  end: string;
}

export interface TimeOff {
  from: string;
  to: string;
}

/** A clinician as GET /scheduling/v1/clinicians answers. */
export interface Clinician {
  id: string;
  subject?: string | null;
  name: string;
  discipline: string;
  skills: string[];
  certifications: Certification[];
  homeBase: { latitude: number; longitude: number };
  hours: Hours[];
  maxVisitsPerDay: number;
  timeOff: TimeOff[];
  active: boolean;
}

export const WARN_DAYS = 30;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

export type CertificationState = 'expired' | 'soon' | 'valid';

/** Expired (before today), soon (within 30 days) or valid, with the words the roster shows (never colour alone). */
export function certificationStatus(c: Certification, today: string): { state: CertificationState; words: string } {
  const left = daysBetween(today, c.expiresOn);
  if (left < 0) return { state: 'expired', words: `expired ${-left} day${left === -1 ? '' : 's'} ago` };
  if (left === 0) return { state: 'soon', words: 'expires today' };
  if (left <= WARN_DAYS) return { state: 'soon', words: `expires in ${left} day${left === 1 ? '' : 's'}` };
  return { state: 'valid', words: 'valid' };
}

/** The clinician's certifications that need attention (expired or expiring within 30 days). */
export function certificationWarnings(c: Pick<Clinician, 'certifications'>, today: string): number {
  return c.certifications.filter((x) => certificationStatus(x, today).state !== 'valid').length;
}

const hhmm = (t: string) => t.slice(0, 5);
const dayWord = (d: string) => d.charAt(0) + d.slice(1, 3).toLowerCase();

/** "Mon–Fri 08:00–17:00" when the days share hours, else each day: "Mon 08:00–12:00, Wed 09:00–17:00". */
export function hoursText(hours: Hours[]): string {
  if (hours.length === 0) return 'no working hours';
  const sorted = [...hours].sort((a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day));
  const same = sorted.every((h) => hhmm(h.start) === hhmm(sorted[0].start) && hhmm(h.end) === hhmm(sorted[0].end));
  const consecutive = sorted.every((h, i) => i === 0 || WEEKDAYS.indexOf(h.day) === WEEKDAYS.indexOf(sorted[i - 1].day) + 1);
  if (same && consecutive && sorted.length > 2) {
    return `${dayWord(sorted[0].day)}–${dayWord(sorted[sorted.length - 1].day)} ${hhmm(sorted[0].start)}–${hhmm(sorted[0].end)}`;
  }
  return sorted.map((h) => `${dayWord(h.day)} ${hhmm(h.start)}–${hhmm(h.end)}`).join(', ');
}

/** Time off from today on (past leave is history), in date order. */
export function upcomingTimeOff(timeOff: TimeOff[], today: string): TimeOff[] {
  return timeOff.filter((t) => t.to >= today).sort((a, b) => a.from.localeCompare(b.from));
}

/** What is wrong with an edited clinician, as sentences; empty when it can be saved. */
export function problems(c: Clinician): string[] {
  const out: string[] = [];
  if (!c.name.trim()) out.push('Give the clinician a name.');
  if (c.hours.length === 0) out.push('Give at least one working day.');
  for (const h of c.hours) {
    if (!/^\d{2}:\d{2}/.test(h.start) || !/^\d{2}:\d{2}/.test(h.end) || hhmm(h.end) <= hhmm(h.start)) {
      out.push(`${dayWord(h.day)}: the working hours must end after they start.`);
    }
  }
  for (const t of c.timeOff) {
    if (!t.from || !t.to) out.push('Time off needs a first and a last day.');
    else if (t.to < t.from) out.push(`Time off from ${t.from} ends before it starts.`);
  }
  for (const x of c.certifications) {
    if (!x.name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(x.expiresOn)) out.push('A certification needs a name and an expiry date.');
  }
  if (!Number.isInteger(c.maxVisitsPerDay) || c.maxVisitsPerDay < 1 || c.maxVisitsPerDay > 12) {
    out.push('Visits per day: 1 to 12.');
  }
  const bad = c.skills.filter((s) => !/^[a-z0-9-]{2,40}$/.test(s));
  if (bad.length) out.push(`Skills are lower-case codes such as wound-care (not ${bad.join(', ')}).`);
  return out;
}

/** The PUT body: exactly the fields the service takes. */
export function replaceBody(c: Clinician) {
  return {
    subject: c.subject ?? null,
    name: c.name.trim(),
    discipline: c.discipline,
    skills: c.skills,
    certifications: c.certifications.map((x) => ({ name: x.name.trim(), expiresOn: x.expiresOn })),
    homeBase: { latitude: c.homeBase.latitude, longitude: c.homeBase.longitude },
    hours: c.hours.map((h) => ({ day: h.day, start: hhmm(h.start), end: hhmm(h.end) })),
    maxVisitsPerDay: c.maxVisitsPerDay,
    timeOff: c.timeOff.map((t) => ({ from: t.from, to: t.to })),
    active: c.active,
  };
}

export async function loadClinician(id: string): Promise<{ clinician: Clinician; etag: string }> {
  const { body, etag } = await apiVersioned<Clinician>(`/scheduling/v1/clinicians/${encodeURIComponent(id)}`);
  return { clinician: body, etag };
}

export function saveClinician(c: Clinician, etag: string): Promise<Clinician> {
  return api<Clinician>(`/scheduling/v1/clinicians/${encodeURIComponent(c.id)}`, {
    method: 'PUT',
    headers: { 'If-Match': etag },
    body: JSON.stringify(replaceBody(c)),
  });
}
