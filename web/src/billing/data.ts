// What every billing screen reads: the agency's payers and patients (names by id), and a fresh Idempotency-Key for
// each create, so a retried click drafts or checks nothing twice.
import { allPages } from '../api';
import { patientNames } from '../patients/names';
import type { Payer } from './workbench';

export interface Directory {
  payers: Payer[];
  patients: { id: string; name: string }[];
  payerName: (id: string | null | undefined) => string;
  patientName: (id: string) => string;
}

export async function loadDirectory(): Promise<Directory> {
  // every payer and every patient (all pages): a name missing here would read "Patient not listed" by mistake
  const [payers, names] = await Promise.all([allPages<Payer>('/billing/v1/payers', { what: 'payers' }), patientNames()]);
  const people = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const payerNames = new Map(payers.map((p) => [p.id, p.name]));
  return {
    payers,
    patients: people,
    payerName: (id) => (id ? (payerNames.get(id) ?? 'Unknown payer') : 'No coverage'),
    patientName: (id) => names.get(id) ?? 'Patient not listed',
  };
}

export function idempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

/** Billing's own changes arrive live as CHANGE events (authorization-changed:…, billable-line-ready:…). */
export function isBillingChange(event: { kind: string; notice?: string | null }): boolean {
  return event.kind === 'CHANGE' && /^(authorization-|billable-line-)/.test(event.notice ?? '');
}
