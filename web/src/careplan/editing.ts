// The plan editor's calls: the plan with its ETag, the draft written with If-Match, the submission for signature.
import { api, apiVersioned, apiVersionedWrite } from '../api';
import type { CarePlanView, Patient } from '../types';
import type { PlanContent } from './draftForm';

export interface Versioned {
  plan: CarePlanView;
  etag: string;
}

const base = (patientId: string) => `/patients/v1/patients/${encodeURIComponent(patientId)}`;

export async function loadForEditing(patientId: string): Promise<{ versioned: Versioned; patient: Patient }> {
  const [{ body, etag }, patient] = await Promise.all([
    apiVersioned<CarePlanView>(`${base(patientId)}/care-plan`),
    api<Patient>(base(patientId)),
  ]);
  return { versioned: { plan: body, etag }, patient };
}

export async function saveDraft(patientId: string, etag: string, content: PlanContent): Promise<Versioned> {
  const { body, etag: next } = await apiVersionedWrite<CarePlanView>(`${base(patientId)}/care-plan/draft`, {
    method: 'PUT',
    headers: { 'If-Match': etag },
    body: JSON.stringify(content),
  });
  return { plan: body, etag: next };
}

export async function submitDraft(patientId: string, etag: string): Promise<Versioned> {
  const { body, etag: next } = await apiVersionedWrite<CarePlanView>(`${base(patientId)}/care-plan/draft/submission`, {
    method: 'POST',
    headers: { 'If-Match': etag },
  });
  return { plan: body, etag: next };
}
