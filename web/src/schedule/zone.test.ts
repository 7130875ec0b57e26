import { describe, expect, it } from 'vitest';
import { clockIn, dayIn, instantIn, timeIn, todayIn, zoneLabel } from './zone';

describe('times in the agency zone', () => {
  it('turns a wall-clock time of the agency into the right instant, in winter and in summer', () => {
    expect(instantIn('2030-01-07', '10:00', 'America/New_York')).toBe('2030-01-07T15:00:00.000Z');
    expect(instantIn('2030-07-08', '10:00', 'America/New_York')).toBe('2030-07-08T14:00:00.000Z');
    expect(instantIn('2030-07-08', '10:00', 'Europe/Berlin')).toBe('2030-07-08T08:00:00.000Z');
  });

  it('handles the days daylight saving starts and ends', () => {
    // 2030-03-10: clocks go from 02:00 to 03:00 in New York; 2030-11-03: back from 02:00 to 01:00
    expect(instantIn('2030-03-10', '09:00', 'America/New_York')).toBe('2030-03-10T13:00:00.000Z');
    expect(instantIn('2030-11-03', '09:00', 'America/New_York')).toBe('2030-11-03T14:00:00.000Z');
  });

  it('reads an instant back as the agency day and clock, not the browser one', () => {
    // 02:30 UTC on the 8th is still the evening of the 7th in New York
    expect(dayIn('2030-01-08T02:30:00Z', 'America/New_York')).toBe('2030-01-07');
    expect(clockIn('2030-01-08T02:30:00Z', 'America/New_York')).toBe('21:30');
    expect(todayIn('America/Los_Angeles', new Date('2030-01-08T05:00:00Z'))).toBe('2030-01-07');
  });

  it('labels times with the zone', () => {
    expect(zoneLabel('America/New_York', new Date('2030-01-07T15:00:00Z'))).toMatch(/^E[SD]?T$/);
    expect(timeIn('2030-01-07T15:00:00Z', 'America/New_York')).toMatch(/^10:00 AM E[SD]?T$/);
    expect(timeIn('2030-01-07T15:00:00Z', 'Europe/Berlin')).toMatch(/^4:00 PM /);
  });
});
