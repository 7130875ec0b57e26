// Caregiver resources of the agency (GET /patients/v1/agency/caregiver-resources), grouped for the family portal.

export type ResourceCategory = 'RESPITE' | 'SUPPORT_GROUP' | 'EDUCATION';

export interface CaregiverResource {
  id: string;
  category: ResourceCategory | string;
  title: string;
  description: string;
  contact?: string | null;
  url?: string | null;
}

export const CATEGORY_TITLES: Record<ResourceCategory, string> = {
  RESPITE: 'Respite care',
  SUPPORT_GROUP: 'Support groups',
  EDUCATION: 'Learning and education',
};

const ORDER: string[] = ['RESPITE', 'SUPPORT_GROUP', 'EDUCATION'];

/** Groups in a fixed order (unknown categories last, under "Other"), titles sorted within each group. */
export function groupResources(items: CaregiverResource[]): { category: string; title: string; items: CaregiverResource[] }[] {
  const categories = [...new Set(items.map((i) => i.category))].sort((a, b) => {
    const ra = ORDER.includes(a) ? ORDER.indexOf(a) : ORDER.length;
    const rb = ORDER.includes(b) ? ORDER.indexOf(b) : ORDER.length;
    return ra - rb || a.localeCompare(b);
  });
  return categories.map((category) => ({
    category,
    title: CATEGORY_TITLES[category as ResourceCategory] ?? 'Other',
    items: items.filter((i) => i.category === category).sort((a, b) => a.title.localeCompare(b.title)),
  }));
}

/** Only web addresses become links: a "javascript:" or "data:" URL from the list is never clickable. */
export function safeUrl(url?: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
