import { describe, expect, it } from 'vitest';
import { diagnosisSummary, disciplinesRequested, errorsByField, referrer, sentence, statusLabel, withFallback } from './referrals';

describe('referral wording', () => {
  it('puts the primary diagnosis first and counts the others', () => {
    const diagnoses = [
      { code: 'I10', description: 'Essential (primary) hypertension', primary: false },
      { code: 'J18.9', description: 'Pneumonia, unspecified organism', primary: true },
      { code: 'E11.9', description: 'Type 2 diabetes mellitus', primary: false },
    ];
    expect(diagnosisSummary(diagnoses)).toBe('J18.9 Pneumonia, unspecified organism; +2 more');
    expect(diagnosisSummary(diagnoses.slice(0, 2), 2)).toBe('J18.9 Pneumonia, unspecified organism; I10 Essential (primary) hypertension');
    expect(diagnosisSummary([])).toBe('No diagnosis given');
  });

  it('says who referred and from where, and names statuses as the inbox does', () => {
    expect(referrer({ referringPhysician: { name: 'Dr. Priya Patel', npi: '1234567893' }, source: 'HOSPITAL_DISCHARGE' })).toBe(
      'Dr. Priya Patel (hospital discharge)',
    );
    expect(statusLabel('RECEIVED')).toBe('New');
    expect(statusLabel('ADMITTED')).toBe('Admitted');
    expect(disciplinesRequested(['SN', 'PT'])).toBe('skilled nursing, physical therapy');
  });

  it('turns field errors into sentences by field, enum codes in words', () => {
    const byField = errorsByField({
      errors: [
        { field: 'homebound.reason', message: 'say why leaving home takes a considerable and taxing effort' },
        { field: 'body', message: 'HEART_RATE of 400 /min is not possible' },
      ],
    });
    expect(byField['homebound.reason']).toEqual(['Say why leaving home takes a considerable and taxing effort.']);
    expect(byField['']).toEqual(['Heart rate of 400 /min is not possible.']);
    expect(sentence('LOOSE_RUGS is a hazard')).toBe('Loose rugs is a hazard.');
  });

  it('keeps a problem without field errors as one sentence', () => {
    expect(withFallback({}, 'A DECLINED referral cannot be accepted.')).toEqual({ '': ['A DECLINED referral cannot be accepted.'] });
    expect(withFallback({ reason: ['Too long.'] }, 'ignored')).toEqual({ reason: ['Too long.'] });
  });
});
