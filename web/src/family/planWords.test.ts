import { describe, expect, it } from 'vitest';
import { parseFrequency, planInWords } from './planWords';

describe('the plan in plain words', () => {
  it('says a one-segment order in English and Spanish', () => {
    expect(planInWords('SN 2W4', 'en')).toEqual(['Nurse visits twice a week for 4 weeks.']);
    expect(planInWords('SN 2W4', 'es')).toEqual(['Visitas de enfermería dos veces por semana durante 4 semanas.']);
    expect(planInWords('PT 1W1', 'en')).toEqual(['Physical therapist visits once a week for 1 week.']);
    expect(planInWords('PT 1W1', 'es')).toEqual(['Visitas de fisioterapia una vez por semana durante 1 semana.']);
  });

  it('says segments in order with "then"', () => {
    expect(planInWords('SN 3W1, 2W3', 'en')).toEqual(['Nurse visits 3 times a week for 1 week, then 2 times a week for 3 weeks.']);
    expect(planInWords('SN 3W1, 2W3', 'es')).toEqual([
      'Visitas de enfermería 3 veces por semana durante 1 semana, luego dos veces por semana durante 3 semanas.',
    ]);
  });

  it('keeps the orders in the order written, one sentence per discipline, with ranges and visits as needed', () => {
    expect(planInWords('PT 2-3W3, SN 3W1, 2W4, 2 PRN; MSW 1W1', 'en')).toEqual([
      'Physical therapist visits 2 to 3 times a week for 3 weeks.',
      'Nurse visits 3 times a week for 1 week, then 2 times a week for 4 weeks, and up to 2 more visits if needed.',
      'Social worker visits once a week for 1 week.',
    ]);
    expect(planInWords('ST 2-3W3, OT 1 PRN, HHA 5W2, RD 1W1', 'es')).toEqual([
      'Visitas de terapia del habla de 2 a 3 veces por semana durante 3 semanas.',
      'Visitas de terapia ocupacional solo si hace falta, hasta 1 vez.',
      'Visitas de auxiliar de salud en el hogar 5 veces por semana durante 2 semanas.',
      'Visitas de nutrición una vez por semana durante 1 semana.',
    ]);
    expect(planInWords('SN 2W4, PT 3W2', 'en')).toEqual(['Nurse visits twice a week for 4 weeks.', 'Physical therapist visits 3 times a week for 2 weeks.']);
  });

  it('reads PRN written either way and refuses what is not a frequency', () => {
    expect(parseFrequency('SN PRN x2')).toEqual([{ discipline: 'SN', segments: [], prn: 2 }]);
    expect(planInWords('SN PRN x2', 'en')).toEqual(['Nurse visits only when needed, up to 2 times.']);
    expect(parseFrequency('3W1')).toBeNull();
    expect(parseFrequency('SN twice')).toBeNull();
    expect(parseFrequency('SN 2W4,,PT 1W1')).toBeNull();
    expect(planInWords('', 'en')).toBeNull();
    expect(planInWords(undefined, 'es')).toBeNull();
  });
});
