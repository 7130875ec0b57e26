// Reading the plan with its ETag and signing the draft with it (If-Match). The ETag is the one read together with the
// draft the physician reviewed: if anyone changes the draft afterwards, the signature is refused (412) instead of
// signing text nobody reviewed.
import { ApiError, CONSOLE, api, problemSentence, type Problem } from '../api';
import type { CarePlanView } from '../types';

export interface VersionedPlan {
  plan: CarePlanView;
  etag: string;
}

export async function loadPlan(patientId: string): Promise<VersionedPlan> {
  let response: Response;
  try {
    response = await fetch(`${CONSOLE}/api/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json' },
    });
  } catch {
    throw new ApiError(0, 'Hearth cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
    throw new ApiError(response.status, problemSentence(response.status, problem), problem);
  }
  return { plan: (await response.json()) as CarePlanView, etag: response.headers.get('ETag') ?? '' };
}

export function signDraft(patientId: string, etag: string): Promise<CarePlanView> {
  return api<CarePlanView>(`/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan/draft/signature`, {
    method: 'POST',
    headers: { 'If-Match': etag },
  });
}
