import { describe, expect, it } from 'vitest';
import { homeOf, mayOpen, personaOf } from './access';

describe('personas', () => {
  it('follow the realm roles', () => {
    expect(personaOf(['default-roles-hearth', 'coordinator'])).toBe('coordinator');
    expect(personaOf(['agency-admin'])).toBe('coordinator');
    expect(personaOf(['physician'])).toBe('physician');
    expect(personaOf(['nurse'])).toBe('clinician');
    expect(personaOf(['therapist'])).toBe('clinician');
    expect(personaOf(['billing'])).toBe('billing');
    expect(personaOf(['family'])).toBe('family');
    expect(personaOf(['partner'])).toBe('none');
  });

  it('each land on their own page', () => {
    expect(homeOf('coordinator')).toBe('/dashboard');
    expect(homeOf('clinician')).toBe('/my-day');
    expect(homeOf('physician')).toBe('/inbox');
    expect(homeOf('family')).toBe('/family');
  });

  it('keep family members out of every staff page', () => {
    for (const staffPage of ['/dashboard', '/patients', '/patients/p-1', '/my-day', '/inbox', '/authorizations', '/messages', '/messages/t-1']) {
      expect(mayOpen('family', staffPage), staffPage).toBe(false);
    }
    expect(mayOpen('family', '/family')).toBe(true);
  });

  it('keep staff out of the family portal and clinicians out of billing', () => {
    expect(mayOpen('coordinator', '/family')).toBe(false);
    expect(mayOpen('clinician', '/authorizations')).toBe(false);
    expect(mayOpen('coordinator', '/patients/p-1')).toBe(true);
    expect(mayOpen('coordinator', '/patientsX')).toBe(false);
  });

  it('offer staff messages where the messaging service lets them take part', () => {
    for (const persona of ['coordinator', 'clinician', 'physician'] as const) {
      expect(mayOpen(persona, '/messages'), persona).toBe(true);
      expect(mayOpen(persona, '/messages/t-1'), persona).toBe(true);
    }
    expect(mayOpen('billing', '/messages')).toBe(false);
  });
});
