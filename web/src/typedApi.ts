// Calls typed by the services' own OpenAPI documents (web/src/generated/, from contracts/openapi/): the path must be
// one a service serves, its path and query parameters are checked by name and type, and the answer has the type the
// service declares. When a service changes a field, `./hearth api-contracts` regenerates the types and the compiler
// names every screen that read the old one. The call itself is the console's usual one (api.ts): session cookie,
// CSRF, problem details as sentences.
import { api } from './api';
import type { paths as AuditPaths } from './generated/audit';
import type { paths as BillingPaths } from './generated/billing';
import type { paths as MessagingPaths } from './generated/messaging';
import type { paths as PatientPaths } from './generated/patients';
import type { paths as SchedulingPaths } from './generated/scheduling';

type Paths = PatientPaths & SchedulingPaths & MessagingPaths & BillingPaths & AuditPaths;

type Operation<P extends keyof Paths, M extends 'get'> = Paths[P] extends { [K in M]: infer O } ? O : never;

/** The body of a 200 (or 201) answer, whichever content type the service declares it under. */
type Answer<O> = O extends { responses: infer R }
  ? R extends { 200: { content: infer C } }
    ? C[keyof C]
    : R extends { 201: { content: infer C } }
      ? C[keyof C]
      : never
  : never;

type PathParameters<O> = O extends { parameters: { path: infer A } } ? (A extends Record<string, unknown> ? A : never) : never;
type QueryParameters<O> = O extends { parameters: { query?: infer Q } } ? Q : never;

/** The paths a service serves with GET. */
export type Readable = { [P in keyof Paths]: Paths[P] extends { get: object } ? P : never }[keyof Paths];

/** What GET {@code P} answers, e.g. {@code Read<'/api/patients/v1/patients/{patientId}'>}. */
export type Read<P extends Readable> = Answer<Operation<P, 'get'>>;

export interface Parameters<O> {
  path?: PathParameters<O>;
  query?: QueryParameters<O>;
}

/** The service path with its parameters filled in and encoded, without the leading /api (api() adds the prefix). */
export function pathOf(template: string, parameters: { path?: object; query?: object } = {}): string {
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = (parameters.path as Record<string, unknown> | undefined)?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`path parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters.query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const one of Array.isArray(value) ? value : [value]) query.append(name, String(one));
  }
  const search = query.toString();
  return filled.replace(/^\/api(?=\/)/, '') + (search ? `?${search}` : '');
}

/** GET a service path: {@code read('/api/patients/v1/patients/{patientId}', { path: { patientId } })}. */
export function read<P extends Readable>(path: P, parameters?: Parameters<Operation<P, 'get'>>): Promise<Read<P>> {
  return api<Read<P>>(pathOf(path, parameters as { path?: object; query?: object } | undefined));
}
