// Patient names by id for screens that name the patients of visits, alerts, lines or authorizations.
import { allPages } from '../api';
import { fullName, type Patient } from '../types';

/** Every patient the caller may list (all pages, bounded by allPages' cap), full name by id. */
export async function patientNames(): Promise<Map<string, string>> {
  const patients = await allPages<Patient>('/patients/v1/patients', { what: 'patients' });
  return new Map(patients.map((p) => [p.id, fullName(p)]));
}
