// Electronic visit verification in the browser: the device's position, and what the EVV record says, as sentences.
// The API takes latitude and longitude only (both may be missing); the time is the server's.
import type { EvvException, Visit } from '../types';
import { formatTime } from '../shell/states';

export type Located =
  | { ok: true; latitude: number; longitude: number; accuracy: number }
  | { ok: false; reason: string };

/** Why no position could be had, as a sentence (codes of GeolocationPositionError, or 0 for no geolocation). */
export function locationProblem(code: number): string {
  switch (code) {
    case 1:
      return 'Location access was refused, so Hearth cannot confirm that you are at the patient\u2019s home. Allow location for this site in your browser to verify the visit.';
    case 2:
      return 'Your device could not tell where it is right now (no GPS or network position).';
    case 3:
      return 'Finding your location took too long.';
    default:
      return 'This browser cannot share its location.';
  }
}

/** The device's current position, or why there is none. Never rejects. */
export function locate(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation, timeoutMs = 15000): Promise<Located> {
  if (!geolocation) return Promise.resolve({ ok: false, reason: locationProblem(0) });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      (p) => resolve({ ok: true, latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => resolve({ ok: false, reason: locationProblem(e.code) }),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60000 },
    );
  });
}

function metres(distance?: number | null): string {
  if (distance == null) return 'away';
  return distance >= 1000 ? `${(distance / 1000).toFixed(1)} km` : `${Math.round(distance)} m`;
}

/** One EVV exception as a sentence. */
export function exceptionSentence(e: EvvException): string {
  const review = 'recorded as an EVV exception for the coordinator to review';
  switch (e.code) {
    case 'NO_LOCATION':
      return `No location was sent, so it is ${review}.`;
    case 'OUTSIDE_RADIUS':
      return `The location was ${metres(e.distanceMetres)} from the patient\u2019s home, so it is ${review}.`;
    case 'PATIENT_ADDRESS_NOT_GEOCODED':
      return `The patient\u2019s address has no map position yet, so the location could not be compared; it is ${review}.`;
    default:
      return `EVV exception ${e.code}: ${review}.`;
  }
}

/** What the EVV record of a visit says about one stage, or null before that stage. */
export function evvOutcome(visit: Visit, stage: 'CHECK_IN' | 'CHECK_OUT'): string | null {
  const point = stage === 'CHECK_IN' ? visit.checkIn : visit.checkOut;
  if (!point) return null;
  const what = stage === 'CHECK_IN' ? 'Checked in' : 'Checked out';
  const exceptions = (visit.evvExceptions ?? []).filter((e) => e.stage === stage);
  if (exceptions.length > 0) return `${what} at ${formatTime(point.at)}. ${exceptions.map(exceptionSentence).join(' ')}`;
  if (visit.type === 'TELEHEALTH') return `${what} at ${formatTime(point.at)} (telehealth: no location needed).`;
  return `${what} at ${formatTime(point.at)}, at the patient\u2019s home (location verified).`;
}

/** A visit note goes to the patient's care-team thread as a message (at most 4,000 characters with its heading). */
export const MAX_NOTE = 3800;

export function noteProblem(note: string): string | null {
  const length = note.trim().length;
  if (length > MAX_NOTE) {
    return `The visit note has ${length.toLocaleString('en-US')} characters; it may have at most ${MAX_NOTE.toLocaleString('en-US')}. Shorten it, then check out.`;
  }
  return null;
}

/** The first line of the message that carries a visit note: which visit and when (read back by it too). */
export function noteHeading(disciplineName: string, checkedOutAt: string): string {
  return `Visit note (${disciplineName} visit, checked out ${formatTime(checkedOutAt)}):`;
}

/** The message that carries a visit note: which visit, when, then the note. */
export function noteMessage(note: string, disciplineName: string, checkedOutAt: string): string {
  return `${noteHeading(disciplineName, checkedOutAt)}\n${note.trim()}`;
}
