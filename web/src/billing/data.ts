// What every billing screen reads: the agency's payers and patients (names by id), and a fresh Idempotency-Key for
// each create, so a retried click drafts or checks nothing twice.
import { api, type Page } from '../api';
import { fullName, type Patient } from '../types';
import type { Payer } from './workbench';

export interface Directory {
  payers: Payer[];
  patients: { id: string; name: string }[];
  payerName: (id: string | null | undefined) => string;
  patientName: (id: string) => string;
}

export async function loadDirectory(): Promise<Directory> {
  const [payers, patients] = await Promise.all([
    api<Page<Payer>>('/billing/v1/payers?size=200'),
    api<Page<Patient>>('/patients/v1/patients?size=200'),
  ]);
  const people = patients.items
    .map((p) => ({ id: p.id, name: fullName(p) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const payerNames = new Map(payers.items.map((p) => [p.id, p.name]));
  const patientNames = new Map(people.map((p) => [p.id, p.name]));
  return {
    payers: payers.items,
    patients: people,
    payerName: (id) => (id ? (payerNames.get(id) ?? 'Unknown payer') : 'No coverage'),
    patientName: (id) => patientNames.get(id) ?? 'Patient not listed',
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
