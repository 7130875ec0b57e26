// Which pages each persona gets. The services decide what data anyone may read; this only keeps people on the pages
// meant for them (a family member never sees staff pages).

export type Persona = 'coordinator' | 'clinician' | 'physician' | 'billing' | 'family' | 'none'
  | 'privacy';

export function personaOf(roles: string[]): Persona {
  if (roles.includes('coordinator') || roles.includes('agency-admin')) return 'coordinator';
  if (roles.includes('physician')) return 'physician';
  if (['nurse', 'therapist', 'aide', 'social-worker', 'case-manager'].some((r) => roles.includes(r))) return 'clinician';
  if (roles.includes('billing')) return 'billing';
  if (roles.includes('privacy-officer')) return 'privacy';
  if (roles.includes('family')) return 'family';
  return 'none';
}

export interface PageDef {
  path: string;
  title: string;
  personas: Persona[];
  inMenu?: boolean;
}

export const PAGES: PageDef[] = [
  { path: '/dashboard', title: 'Dashboard', personas: ['coordinator'], inMenu: true },
  { path: '/my-day', title: 'My day', personas: ['clinician'], inMenu: true },
  { path: '/inbox', title: 'Signatures and alerts', personas: ['physician'], inMenu: true },
  // billing staff do not take part in threads (messaging-service answers 403), so Messages is not theirs
  { path: '/messages', title: 'Messages', personas: ['coordinator', 'clinician', 'physician'], inMenu: true },
  { path: '/patients', title: 'Patients', personas: ['coordinator', 'clinician', 'physician'], inMenu: true },
  { path: '/schedule', title: 'Schedule board', personas: ['coordinator'], inMenu: true },
  { path: '/roster', title: 'Roster', personas: ['coordinator'], inMenu: true },
  { path: '/authorizations', title: 'Authorizations', personas: ['coordinator', 'billing'], inMenu: true },
  { path: '/family', title: 'Family portal', personas: ['family'], inMenu: true },
  { path: '/referrals', title: 'Referral inbox', personas: ['coordinator'], inMenu: true },
  { path: '/billing', title: 'Billing workbench', personas: ['billing'], inMenu: true },
  { path: '/billable-lines', title: 'Billable lines', personas: ['billing'], inMenu: true },
  { path: '/alerts', title: 'Open alerts', personas: ['coordinator'] },
  { path: '/privacy/break-glass', title: 'Break-glass review', personas: ['privacy'], inMenu: true },
  { path: '/shared-records', title: 'Shared with us', personas: ['coordinator', 'clinician', 'physician'], inMenu: true },
];

export function homeOf(persona: Persona): string {
  switch (persona) {
    case 'coordinator':
      return '/dashboard';
    case 'clinician':
      return '/my-day';
    case 'physician':
      return '/inbox';
    case 'billing':
      return '/authorizations';
    case 'family':
      return '/family';
    case 'privacy':
      return '/privacy/break-glass';
    default:
      return '/no-access';
  }
}

/** The page a path belongs to (/patients/abc belongs to /patients), if any. */
export function pageOf(path: string): PageDef | undefined {
  return PAGES.find((p) => path === p.path || path.startsWith(p.path + '/'));
}

export function mayOpen(persona: Persona, path: string): boolean {
  const page = pageOf(path);
  return page !== undefined && page.personas.includes(persona);
}

const PERSONA_NAMES: Record<Persona, string> = {
  coordinator: 'coordinators',
  clinician: 'clinicians',
  physician: 'physicians',
  billing: 'billing staff',
  family: 'family members',
  none: 'nobody',
  privacy: 'privacy officers',
};

/**
 * Why a page is refused, naming who it is for: billing staff are agency staff too, so "this page is for agency
 * staff" would be untrue for them.
 */
export function refusalSentence(persona: Persona, page: PageDef): string {
  if ((persona === 'family' || persona === 'none') && !page.personas.includes('family')) {
    return 'This page is for agency staff; your account cannot open it.';
  }
  const names = page.personas.map((p) => PERSONA_NAMES[p]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
  return `This page is for ${list}; your account cannot open it.`;
}

/** Where the live announcer's "Open" link leads each persona (billing staff have no messages). */
export function liveTarget(persona: Persona): string {
  switch (persona) {
    case 'family':
      return '/family';
    case 'physician':
      return '/inbox';
    case 'billing':
      return '/authorizations';
    case 'privacy':
      return '/privacy/break-glass';
    default:
      return '/messages';
  }
}
