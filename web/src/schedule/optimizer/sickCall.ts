// "Clinician called in sick": the day becomes time off on the clinician's roster entry (a versioned write with
// If-Match, so a concurrent roster change is not overwritten), then a REPAIR job re-plans that day around it.
import { api, apiVersioned } from '../../api';
import { addDays, sundayOf } from '../board';

interface RosterEntry {
  id?: string;
  timeOff?: { from: string; to: string }[];
  [field: string]: unknown;
}

/** Whether the clinician is already off that day (a sick call entered twice, or planned leave). */
export function offOn(entry: RosterEntry, day: string): boolean {
  return (entry.timeOff ?? []).some((off) => off.from <= day && day <= off.to);
}

/**
 * Records the day as time off; answers false when it already was. The roster entry goes back as it was read, minus
 * its id (which the path carries), plus the day.
 */
export async function recordSickDay(clinicianId: string, day: string): Promise<boolean> {
  const path = `/scheduling/v1/clinicians/${encodeURIComponent(clinicianId)}`;
  const { body, etag } = await apiVersioned<RosterEntry>(path);
  if (offOn(body, day)) return false;
  const { id: _id, ...entry } = body;
  void _id;
  await api(path, {
    method: 'PUT',
    headers: etag ? { 'If-Match': etag } : {},
    body: JSON.stringify({ ...entry, timeOff: [...(body.timeOff ?? []), { from: day, to: day }] }),
  });
  return true;
}

/**
 * The request of the repair job: from the sick day to the end of its week (Saturday; the board's weeks start on
 * Sunday), so that a visit can go to another clinician that day or to another day of its ordered week. Every booking
 * whose clinician still works stays where it is.
 */
export function repairRequest(day: string) {
  return { from: day, to: addDays(sundayOf(day), 6), mode: 'REPAIR' as const };
}
