// Break-glass: a clinician outside the care team opens a record in an emergency; the privacy officer reviews it.

export interface BreakGlassGrant {
  id: string;
  patientId: string;
  patientName?: string | null;
  clinician: string;
  clinicianName?: string | null;
  reason: string;
  openedAt: string;
  expiresAt: string;
  active: boolean;
  revokedAt?: string | null;
  revokedBy?: string | null;
  reviewedAt?: string | null;
  reviewedBy?: string | null;
  reviewNote?: string | null;
}

/** Why an emergency-access reason is refused before sending, or null when it can go. */
export function reasonProblem(reason: string): string | null {
  const text = reason.trim();
  if (!text) return 'Say why you need the record now: the privacy officer reviews every emergency access.';
  if (text.length > 500) return 'The reason is too long: 500 characters at most.';
  return null;
}

/** Where a grant stands, in words (never by colour alone). */
export function grantState(grant: BreakGlassGrant): string {
  if (grant.revokedAt) return 'Revoked';
  return grant.active ? 'Open' : 'Expired';
}
