import { describe, expect, it } from 'vitest';
import { addressLine, checkInState, dayTitle, isDate, mapsUrl, shiftDay, timeIn, todayIn, zoneLabel } from './day';

describe('the clinician day', () => {
  it('moves between days across months, years and daylight-saving changes', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDay('2026-03-08', 1)).toBe('2026-03-09');
    expect(shiftDay('2026-11-01', -1)).toBe('2026-10-31');
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-02-28')).toBe(true);
    expect(isDate('tomorrow')).toBe(false);
    expect(isDate(null)).toBe(false);
  });

  it('reads today and times in the agency zone, whatever the device zone', () => {
    const lateEvening = new Date('2026-12-04T03:30:00Z'); // 22:30 on Dec 3 in New York, Dec 4 in UTC
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-12-03');
    expect(todayIn('UTC', lateEvening)).toBe('2026-12-04');
    expect(timeIn('2026-12-04T14:00:00Z', 'America/New_York')).toBe('9:00 AM');
    expect(timeIn('2026-12-04T14:00:00Z', 'America/Chicago')).toBe('8:00 AM');
    expect(zoneLabel('America/New_York', new Date('2026-12-04T14:00:00Z'))).toBe('EST, America/New_York');
    expect(dayTitle('2026-12-04')).toBe('Friday, December 4, 2026');
  });

  it('says check-in is open only inside the window, and otherwise why and when', () => {
    const window = { opensAt: '2026-12-04T12:00:00Z', closesAt: '2026-12-05T05:00:00Z' };
    const before = checkInState(window, 'America/New_York', new Date('2026-12-03T20:00:00Z'));
    expect(before.open).toBe(false);
    expect(!before.open && before.reason).toBe(
      'Check-in is not open yet: it opens at Fri, Dec 4, 7:00 AM (EST, America/New_York), two hours before the visit starts.',
    );
    expect(checkInState(window, 'America/New_York', new Date('2026-12-04T12:00:00Z'))).toEqual({ open: true });
    expect(checkInState(window, 'America/New_York', new Date('2026-12-05T04:59:00Z'))).toEqual({ open: true });
    const after = checkInState(window, 'America/New_York', new Date('2026-12-05T05:00:00Z'));
    expect(!after.open && after.reason).toMatch(/^Check-in closed at the end of the visit's day \(Sat, Dec 5, 12:00 AM, EST/);
  });

  it('links the address, or else the coordinates, to the maps app', () => {
    const home = { line1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '62701' };
    expect(addressLine(home)).toBe('12 Elm Street, Springfield, IL 62701');
    expect(mapsUrl(home, { latitude: 39.78, longitude: -89.65 })).toBe(
      'https://www.google.com/maps/search/?api=1&query=12%20Elm%20Street%2C%20Springfield%2C%20IL%2062701',
    );
    expect(mapsUrl({}, { latitude: 39.78, longitude: -89.65 })).toBe('https://www.google.com/maps/search/?api=1&query=39.78%2C-89.65');
    expect(mapsUrl(null, null)).toBeNull();
  });
});
