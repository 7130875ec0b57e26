// Reading the plan with its ETag and signing the draft with it (If-Match). The ETag is the one read together with the
// draft the physician reviewed: if anyone changes the draft afterwards, the signature is refused (412) instead of
// signing text nobody reviewed.
import { api, apiVersioned } from '../api';
import type { CarePlanView } from '../types';

export interface VersionedPlan {
  plan: CarePlanView;
  etag: string;
}

export async function loadPlan(patientId: string): Promise<VersionedPlan> {
  const { body, etag } = await apiVersioned<CarePlanView>(`/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan`);
  return { plan: body, etag };
}

export function signDraft(patientId: string, etag: string): Promise<CarePlanView> {
  return api<CarePlanView>(`/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan/draft/signature`, {
    method: 'POST',
    headers: { 'If-Match': etag },
  });
}
