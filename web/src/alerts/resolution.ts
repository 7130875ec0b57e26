// What the resolution of an alert sends (AlertController.Resolution: note required, at most 1000 characters; an
// optional care plan version of at least 1 that answers the alert), checked before it is sent, errors as sentences.

export interface ResolutionBody {
  note: string;
  planVersion?: number;
}

export const NOTE_MAX = 1000;

export function resolutionBody(note: string, planVersion: string): { body?: ResolutionBody; errors: string[] } {
  const errors: string[] = [];
  const text = note.trim();
  if (!text) errors.push('Write a note on what was done about the alert.');
  if (text.length > NOTE_MAX) errors.push(`The note is ${text.length} characters long; keep it to ${NOTE_MAX}.`);
  let version: number | undefined;
  if (planVersion.trim()) {
    version = Number(planVersion);
    if (!Number.isInteger(version) || version < 1) errors.push('The plan version is a whole number of 1 or more, or left empty.');
  }
  if (errors.length > 0) return { errors };
  return { body: version === undefined ? { note: text } : { note: text, planVersion: version }, errors };
}
