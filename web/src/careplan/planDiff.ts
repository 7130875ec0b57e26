// The care plan diff of patient-service (CarePlanDiff: per section the entries added and removed between two
// versions) turned into lines a reviewer reads: "Added …", "Removed …", and "Changed …" where an entry of the same
// name (a medication, a piece of equipment, a problem, the visit frequency) was removed and added again with other
// details. Pure functions, so the wording is tested without a server.

export interface SectionChange {
  section: string;
  added: unknown[];
  removed: unknown[];
}

/** GET …/care-plan/diff?from=&to= */
export interface CarePlanDiff {
  from: number;
  to: number;
  changes: SectionChange[];
}

/** GET …/care-plan/versions, newest first. */
export interface VersionSummary {
  number: number;
  status: 'DRAFT' | 'ACTIVE' | 'SUPERSEDED' | string;
  frequency: string;
  authoredBy?: string;
  authoredAt: string;
  signedBy?: string | null;
  signedAt?: string | null;
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ChangeLine {
  kind: ChangeKind;
  /** The entry as it reads now (added, changed) or as it read before (removed). */
  text: string;
  /** For a change: what differs, e.g. ["dose 40 mg → 20 mg"]. */
  details?: string[];
}

export interface SectionView {
  section: string;
  title: string;
  lines: ChangeLine[];
}

export const SECTION_TITLES: Record<string, string> = {
  problems: 'Problems and goals',
  interventions: 'Interventions',
  medications: 'Medications',
  diet: 'Diet',
  equipment: 'Equipment',
  communityServices: 'Community services',
  frequency: 'Visit frequency',
};

const SECTION_ORDER = Object.keys(SECTION_TITLES);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lowerWords(code: unknown): string {
  return String(code ?? '').replace(/_/g, ' ').toLowerCase();
}

/** "08:00:00" → "08:00". */
function time(value: unknown): string {
  const text = String(value ?? '');
  return /^\d{2}:\d{2}:00$/.test(text) ? text.slice(0, 5) : text;
}

function medicationText(m: Json): string {
  const times = Array.isArray(m.times) && m.times.length > 0 ? ` at ${m.times.map(time).join(', ')}` : '';
  const period = m.stop ? ` from ${m.start} to ${m.stop}` : m.start ? ` from ${m.start}` : '';
  return `${m.name} ${m.dose}, ${lowerWords(m.route)}${times}${period}`;
}

function goalText(g: Json): string {
  return `${g.description} (measured by ${g.measure}, by ${g.targetDate})`;
}

function problemText(p: Json): string {
  const goals = Array.isArray(p.goals) ? p.goals.filter(isObject) : [];
  return goals.length === 0 ? String(p.description) : `${p.description} — goals: ${goals.map(goalText).join('; ')}`;
}

/** One entry of a section as a sentence fragment. */
export function entryText(section: string, entry: unknown): string {
  if (!isObject(entry)) return String(entry);
  switch (section) {
    case 'medications':
      return medicationText(entry);
    case 'equipment':
      return `${entry.item} (${lowerWords(entry.status)})`;
    case 'problems':
      return problemText(entry);
    default:
      return Object.values(entry).map(String).join(', ');
  }
}

/** What names an entry across versions: a changed entry keeps its key. Plain strings have none (null). */
function keyOf(section: string, entry: unknown): string | null {
  if (section === 'frequency') return 'frequency';
  if (!isObject(entry)) return null;
  const key = section === 'medications' ? entry.name : section === 'equipment' ? entry.item : section === 'problems' ? entry.description : null;
  return typeof key === 'string' ? key.trim().toLowerCase() : null;
}

function fieldChanges(section: string, before: unknown, after: unknown): string[] {
  if (section === 'frequency' || !isObject(before) || !isObject(after)) {
    return [`${entryText(section, before)} → ${entryText(section, after)}`];
  }
  if (section === 'medications') {
    const details: string[] = [];
    if (before.dose !== after.dose) details.push(`dose ${before.dose} → ${after.dose}`);
    if (before.route !== after.route) details.push(`route ${lowerWords(before.route)} → ${lowerWords(after.route)}`);
    const t0 = (Array.isArray(before.times) ? before.times : []).map(time).join(', ');
    const t1 = (Array.isArray(after.times) ? after.times : []).map(time).join(', ');
    if (t0 !== t1) details.push(`times ${t0 || 'none'} → ${t1 || 'none'}`);
    if (before.start !== after.start) details.push(`start ${before.start ?? 'none'} → ${after.start ?? 'none'}`);
    if ((before.stop ?? null) !== (after.stop ?? null)) details.push(`stop ${before.stop ?? 'none'} → ${after.stop ?? 'none'}`);
    return details;
  }
  if (section === 'equipment') {
    return [`status ${lowerWords(before.status)} → ${lowerWords(after.status)}`];
  }
  if (section === 'problems') {
    const goals = (p: Json) => (Array.isArray(p.goals) ? p.goals.filter(isObject).map(goalText) : []);
    const g0 = goals(before);
    const g1 = goals(after);
    return [
      ...g1.filter((g) => !g0.includes(g)).map((g) => `goal added: ${g}`),
      ...g0.filter((g) => !g1.includes(g)).map((g) => `goal removed: ${g}`),
    ];
  }
  return [`${entryText(section, before)} → ${entryText(section, after)}`];
}

/** The lines of one section: changes first (same name removed and added), then additions, then removals. */
export function sectionLines(change: SectionChange): ChangeLine[] {
  const removed = [...change.removed];
  const changed: ChangeLine[] = [];
  const added: ChangeLine[] = [];
  for (const entry of change.added) {
    const key = keyOf(change.section, entry);
    const match = key === null ? -1 : removed.findIndex((r) => keyOf(change.section, r) === key);
    if (match >= 0) {
      const [before] = removed.splice(match, 1);
      changed.push({ kind: 'changed', text: entryText(change.section, entry), details: fieldChanges(change.section, before, entry) });
    } else {
      added.push({ kind: 'added', text: entryText(change.section, entry) });
    }
  }
  return [...changed, ...added, ...removed.map((r): ChangeLine => ({ kind: 'removed', text: entryText(change.section, r) }))];
}

/** Every section that changed, in the order of the plan, each with a readable title. */
export function describeDiff(diff: CarePlanDiff): SectionView[] {
  const rank = (s: string) => (SECTION_ORDER.includes(s) ? SECTION_ORDER.indexOf(s) : SECTION_ORDER.length);
  return [...diff.changes]
    .sort((a, b) => rank(a.section) - rank(b.section))
    .map((c) => ({ section: c.section, title: SECTION_TITLES[c.section] ?? c.section, lines: sectionLines(c) }))
    .filter((s) => s.lines.length > 0);
}

/** "3 changes: 1 added, 1 removed, 1 changed" for a heading or a screen reader. */
export function diffSummary(sections: SectionView[]): string {
  const lines = sections.flatMap((s) => s.lines);
  if (lines.length === 0) return 'No differences.';
  const count = (kind: ChangeKind) => lines.filter((l) => l.kind === kind).length;
  const parts = (['added', 'removed', 'changed'] as ChangeKind[]).filter((k) => count(k) > 0).map((k) => `${count(k)} ${k}`);
  return `${lines.length} ${lines.length === 1 ? 'change' : 'changes'}: ${parts.join(', ')}.`;
}

/** The pair shown first: the version before the newest against the newest (the draft, if one is open). */
export function defaultPair(versions: VersionSummary[]): { from: number; to: number } | null {
  if (versions.length < 2) return null;
  const sorted = [...versions].sort((a, b) => b.number - a.number);
  return { from: sorted[1].number, to: sorted[0].number };
}

export function versionLabel(v: Pick<VersionSummary, 'number' | 'status'>): string {
  const status = v.status === 'DRAFT' ? 'draft' : v.status === 'ACTIVE' ? 'active' : v.status === 'SUPERSEDED' ? 'superseded' : lowerWords(v.status);
  return `Version ${v.number} (${status})`;
}
