import { describe, expect, it } from 'vitest';
import { certificationStatus, certificationWarnings, hoursText, problems, replaceBody, upcomingTimeOff, type Clinician } from './roster';

const nina: Clinician = {
  id: 'nina',
  subject: 'nina-sub',
  name: 'Nina Nurse',
  discipline: 'RN',
  skills: ['wound-care'],
  certifications: [{ name: 'CPR', expiresOn: '2030-03-01' }],
  homeBase: { latitude: 39.8, longitude: -89.65 },
  hours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({ day: day as 'MONDAY', start: '08:00:00', end: '17:00:00' })),
  maxVisitsPerDay: 6,
  timeOff: [],
  active: true,
};

describe('certification warnings', () => {
  it('flags expired certifications and those expiring within 30 days, in words', () => {
    expect(certificationStatus({ name: 'CPR', expiresOn: '2030-01-09' }, '2030-01-10')).toEqual({ state: 'expired', words: 'expired 1 day ago' });
    expect(certificationStatus({ name: 'CPR', expiresOn: '2030-01-10' }, '2030-01-10')).toEqual({ state: 'soon', words: 'expires today' });
    expect(certificationStatus({ name: 'CPR', expiresOn: '2030-02-09' }, '2030-01-10')).toEqual({ state: 'soon', words: 'expires in 30 days' });
    expect(certificationStatus({ name: 'CPR', expiresOn: '2030-02-10' }, '2030-01-10').state).toBe('valid');
  });

  it('counts what needs attention', () => {
    const mixed = { certifications: [{ name: 'A', expiresOn: '2029-12-01' }, { name: 'B', expiresOn: '2030-01-20' }, { name: 'C', expiresOn: '2031-01-01' }] };
    expect(certificationWarnings(mixed, '2030-01-10')).toBe(2);
  });
});

describe('hours and time off in words', () => {
  it('groups a working week that shares hours, and lists days that differ', () => {
    expect(hoursText(nina.hours)).toBe('Mon–Fri 08:00–17:00');
    expect(hoursText([{ day: 'WEDNESDAY', start: '09:00', end: '17:00' }, { day: 'MONDAY', start: '08:00', end: '12:00' }])).toBe(
      'Mon 08:00–12:00, Wed 09:00–17:00',
    );
    expect(hoursText([])).toBe('no working hours');
  });

  it('shows only time off that is not over', () => {
    expect(upcomingTimeOff([{ from: '2030-01-20', to: '2030-01-20' }, { from: '2030-01-01', to: '2030-01-02' }], '2030-01-10')).toEqual([
      { from: '2030-01-20', to: '2030-01-20' },
    ]);
  });
});

describe('saving', () => {
  it('sends exactly the fields the service takes, with hours as HH:MM', () => {
    const body = replaceBody({ ...nina, extra: 'x' } as Clinician);
    expect(Object.keys(body).sort()).toEqual(
      ['active', 'certifications', 'discipline', 'homeBase', 'hours', 'maxVisitsPerDay', 'name', 'skills', 'subject', 'timeOff'].sort(),
    );
    expect(body.hours[0]).toEqual({ day: 'MONDAY', start: '08:00', end: '17:00' });
    expect('id' in body).toBe(false);
  });

  it('says what is wrong before saving', () => {
    expect(problems(nina)).toEqual([]);
    expect(problems({ ...nina, timeOff: [{ from: '2030-01-05', to: '2030-01-04' }], skills: ['Wound Care'], maxVisitsPerDay: 13 })).toEqual([
      'Time off from 2030-01-05 ends before it starts.',
      'Visits per day: 1 to 12.',
      'Skills are lower-case codes such as wound-care (not Wound Care).',
    ]);
  });
});
