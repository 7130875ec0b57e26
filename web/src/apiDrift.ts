// The console's own types (types.ts) name only the fields the screens use. Each line below makes the compiler check
// that what the service declares it serves (web/src/generated/, from contracts/openapi/) still has those fields, with
// those types: a service that renames or drops a field the console reads fails `tsc` here, in the commit that did it.
import type { Alert, Board, Clinician, Day, Message, Patient, PatientSummary, Thread, Visit } from './types';
import type { Read } from './typedApi';

/** true when the served type has every field the console expects; false when it lacks one or nothing is served. */
type Served<S, E> = [S] extends [never] ? false : [S] extends [E] ? true : false;
/** A compile error on the line of the entry that is not true. */
type Check<T extends true> = T;
type Item<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type ApiDrift = [
  Check<Served<Read<'/api/patients/v1/patients/{patientId}'>, Patient>>,
  Check<Served<Item<Read<'/api/patients/v1/patients'>>, Patient>>,
  Check<Served<Read<'/api/patients/v1/patients/{patientId}/summary'>, PatientSummary>>,
  Check<Served<Item<Read<'/api/patients/v1/alerts'>>, Alert>>,
  Check<Served<Read<'/api/scheduling/v1/visits/{id}'>, Visit>>,
  Check<Served<Item<Read<'/api/scheduling/v1/visits'>>, Visit>>,
  Check<Served<Read<'/api/scheduling/v1/board'>, Board>>,
  Check<Served<Read<'/api/scheduling/v1/clinicians/{id}'>, Clinician>>,
  Check<Served<Read<'/api/scheduling/v1/clinicians/{clinicianId}/day'>, Day>>,
  Check<Served<Item<Read<'/api/messaging/v1/threads'>>, Thread>>,
  Check<Served<Item<Read<'/api/messaging/v1/threads/{threadId}/messages'>>, Message>>,
];
