import { describe, expect, it } from 'vitest';
import { errorSentence, orderInWords, type ParsedOrder } from './frequency';
import { contentOf, formOf, validateDraft, type PlanContent } from './draftForm';

const order = (code: string, description: string, segments: [number, number, number][], prnVisits = 0): ParsedOrder => ({
  discipline: { code, description },
  segments: segments.map(([minPerWeek, maxPerWeek, weeks]) => ({ minPerWeek, maxPerWeek, weeks })),
  prnVisits,
  totalWeeks: segments.reduce((sum, s) => sum + s[2], 0),
  maxScheduledVisits: segments.reduce((sum, s) => sum + s[1] * s[2], 0),
});

describe('a frequency order in words', () => {
  it('says each weekly segment in order, with the most scheduled visits', () => {
    expect(orderInWords(order('SN', 'skilled nursing', [[2, 2, 4]]))).toBe(
      'Skilled nursing: 2 visits a week for 4 weeks (at most 8 scheduled visits over 4 weeks).',
    );
    expect(orderInWords(order('SN', 'skilled nursing', [[3, 3, 1], [2, 2, 4]], 2))).toBe(
      'Skilled nursing: 3 visits a week for 1 week, then 2 visits a week for 4 weeks, plus up to 2 visits when needed (at most 11 scheduled visits over 5 weeks).',
    );
  });

  it('says a range and a single visit in the singular', () => {
    expect(orderInWords(order('PT', 'physical therapy', [[2, 3, 3]]))).toBe(
      'Physical therapy: 2 to 3 visits a week for 3 weeks (at most 9 scheduled visits over 3 weeks).',
    );
    expect(orderInWords(order('MSW', 'medical social work', [[1, 1, 1]]))).toBe(
      'Medical social work: 1 visit a week for 1 week (at most 1 scheduled visit over 1 week).',
    );
  });

  it('says an order of as-needed visits only without a weekly count', () => {
    expect(orderInWords(order('SN', 'skilled nursing', [], 1))).toBe('Skilled nursing: up to 1 visit when needed.');
  });

  it("turns the parser's message into a sentence without changing its words", () => {
    expect(errorSentence('unknown discipline "XY"; use one of [SN, PT]')).toBe('Unknown discipline "XY"; use one of [SN, PT].');
    expect(errorSentence('SN has no visits.')).toBe('SN has no visits.');
  });
});

const content: PlanContent = {
  problems: [{ description: 'Fluid overload', goals: [{ description: 'Stable weight', measure: 'daily weight', targetDate: '2027-01-15' }] }],
  interventions: ['Teach daily weights', 'Wound care'],
  medications: [{ name: 'Lisinopril', dose: '10 mg', route: 'ORAL', times: ['08:00:00', '20:00'], start: '2026-12-01', stop: null }],
  diet: ['Sodium under 2 g a day'],
  equipment: [{ item: 'Walker', status: 'IN_USE' }],
  communityServices: ['Meals on Wheels'],
  frequency: 'SN 2W4, PT 3W2',
};

describe('the draft form', () => {
  it('reads the stored plan into fields and writes it back unchanged but for what was edited', () => {
    const form = formOf(content);
    expect(form.medications[0].times).toBe('08:00, 20:00');
    expect(form.diet).toBe('Sodium under 2 g a day');
    const edited = { ...form, diet: `${form.diet}\n\n  No grapefruit juice  \n`, medications: [{ ...form.medications[0], dose: ' 5 mg ' }] };
    const written = contentOf(edited);
    expect(written.diet).toEqual(['Sodium under 2 g a day', 'No grapefruit juice']);
    expect(written.medications[0]).toEqual({ name: 'Lisinopril', dose: '5 mg', route: 'ORAL', times: ['08:00', '20:00'], start: '2026-12-01', stop: null });
    expect(written.interventions).toEqual(content.interventions);
    expect(written.frequency).toBe('SN 2W4, PT 3W2');
  });

  it('accepts a complete draft', () => {
    expect(validateDraft(formOf(content))).toEqual([]);
  });

  it('names the entry of every problem it finds before anything is sent', () => {
    const form = formOf(content);
    form.medications[0] = { ...form.medications[0], dose: '', times: '8 am', stop: '2026-11-01' };
    form.problems[0].goals[0].measure = '';
    form.frequency = ' ';
    expect(validateDraft(form).map((e) => e.message)).toEqual([
      'Write the visit frequency, for example "SN 2W4, PT 3W2".',
      'Goal 1 of "Fluid overload" needs a description, a measure and a target date.',
      'Lisinopril needs a dose, for example "10 mg".',
      'Lisinopril: write the times of day as hours and minutes, for example "08:00, 20:00".',
      'Lisinopril stops before it starts.',
    ]);
  });
});
