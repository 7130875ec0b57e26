import { describe, expect, it } from 'vitest';
import { defaultPair, describeDiff, diffSummary, entryText, sectionLines, versionLabel } from './planDiff';

const furosemide = { name: 'Furosemide', dose: '40 mg', route: 'ORAL', times: ['08:00:00'], start: '2026-11-25', stop: null };
const amlodipine = { name: 'Amlodipine', dose: '5 mg', route: 'ORAL', times: ['08:00:00'], start: '2026-11-26', stop: null };

describe('plan diff wording', () => {
  it('writes a medication, a piece of equipment and a problem as text', () => {
    expect(entryText('medications', furosemide)).toBe('Furosemide 40 mg, oral at 08:00 from 2026-11-25');
    expect(entryText('equipment', { item: 'Hospital bed', status: 'IN_USE' })).toBe('Hospital bed (in use)');
    expect(
      entryText('problems', {
        description: 'Wound on the left shin',
        goals: [{ description: 'Wound closed', measure: 'wound size in cm', targetDate: '2026-12-23' }],
      }),
    ).toBe('Wound on the left shin — goals: Wound closed (measured by wound size in cm, by 2026-12-23)');
    expect(entryText('diet', 'Sodium under 2 g a day')).toBe('Sodium under 2 g a day');
  });

  it('pairs a medication removed and added under the same name as one change with what differs', () => {
    const lines = sectionLines({
      section: 'medications',
      added: [{ ...furosemide, dose: '20 mg', times: ['08:00:00', '14:00:00'] }, amlodipine],
      removed: [furosemide],
    });
    expect(lines).toEqual([
      { kind: 'changed', text: 'Furosemide 20 mg, oral at 08:00, 14:00 from 2026-11-25', details: ['dose 40 mg → 20 mg', 'times 08:00 → 08:00, 14:00'] },
      { kind: 'added', text: 'Amlodipine 5 mg, oral at 08:00 from 2026-11-26' },
    ]);
  });

  it('keeps plain text entries as added and removed (they have no name to pair on)', () => {
    expect(sectionLines({ section: 'interventions', added: ['Wound culture'], removed: ['Wound care twice a week'] })).toEqual([
      { kind: 'added', text: 'Wound culture' },
      { kind: 'removed', text: 'Wound care twice a week' },
    ]);
  });

  it('shows a new frequency as a change from the old one', () => {
    expect(sectionLines({ section: 'frequency', added: ['SN 3W1, 2W3, PT 3W2'], removed: ['SN 2W4, PT 3W2'] })).toEqual([
      { kind: 'changed', text: 'SN 3W1, 2W3, PT 3W2', details: ['SN 2W4, PT 3W2 → SN 3W1, 2W3, PT 3W2'] },
    ]);
  });

  it('orders sections as the plan reads, names them, and counts the changes', () => {
    const sections = describeDiff({
      from: 1,
      to: 2,
      changes: [
        { section: 'frequency', added: ['SN 3W1'], removed: ['SN 2W4'] },
        { section: 'equipment', added: [{ item: 'Walker', status: 'RETURNED' }], removed: [{ item: 'Walker', status: 'IN_USE' }] },
        { section: 'diet', added: [], removed: ['Fluids under 1.5 L a day'] },
      ],
    });
    expect(sections.map((s) => s.title)).toEqual(['Diet', 'Equipment', 'Visit frequency']);
    expect(sections[1].lines[0]).toEqual({ kind: 'changed', text: 'Walker (returned)', details: ['status in use → returned'] });
    expect(diffSummary(sections)).toBe('3 changes: 1 removed, 2 changed.');
    expect(diffSummary([])).toBe('No differences.');
  });

  it('compares the version before the newest with the newest, draft included', () => {
    const v = (number: number, status: string) => ({ number, status, frequency: 'SN 1W1', authoredAt: '2026-11-25T10:00:00Z' });
    expect(defaultPair([v(3, 'DRAFT'), v(2, 'ACTIVE'), v(1, 'SUPERSEDED')])).toEqual({ from: 2, to: 3 });
    expect(defaultPair([v(1, 'SUPERSEDED'), v(2, 'ACTIVE')])).toEqual({ from: 1, to: 2 });
    expect(defaultPair([v(1, 'ACTIVE')])).toBeNull();
    expect(versionLabel(v(3, 'DRAFT'))).toBe('Version 3 (draft)');
  });
});
