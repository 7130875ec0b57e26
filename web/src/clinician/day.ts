// The clinician's day in the agency's zone: which day, moving between days, times as the agency reads them, whether
// EVV check-in is open (scheduling-service's rule: from two hours before the start until the end of the visit's day,
// sent with each stop as checkInOpensAt/checkInClosesAt), and a maps link for the visit's address.

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date some days away; calendar arithmetic on the date alone (no clock, no daylight-saving surprises). */
export function shiftDay(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + days));
  return shifted.toISOString().slice(0, 10);
}

export function isDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === value;
}

/** "Thursday, December 4, 2026" for a date (the date is the agency's day already). */
export function dayTitle(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-US', { timeZone: 'UTC', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
}

/** A time as the agency reads it, e.g. "9:00 AM". */
export function timeIn(iso: string, zone: string): string {
  return new Date(iso).toLocaleTimeString('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' });
}

/** A time with its day, e.g. "Thu, Dec 4, 7:00 AM". */
export function dayTimeIn(iso: string, zone: string): string {
  return new Date(iso).toLocaleString('en-US', { timeZone: zone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** The zone's short name at an instant ("EST", or "GMT-5" where there is none) and its IANA name, for labels. */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  return short && short !== zone ? `${short}, ${zone}` : zone;
}

export interface CheckInWindow {
  opensAt: string;
  closesAt: string;
}

export type CheckInState = { open: true } | { open: false; reason: string };

/** Whether check-in is open now, and if not, why and when it opens (or that it closed). */
export function checkInState(window: CheckInWindow, zone: string, now: Date = new Date()): CheckInState {
  const opens = new Date(window.opensAt);
  const closes = new Date(window.closesAt);
  if (now < opens) {
    return {
      open: false,
      reason: `Check-in is not open yet: it opens at ${dayTimeIn(window.opensAt, zone)} (${zoneLabel(zone, opens)}), two hours before the visit starts.`,
    };
  }
  if (now >= closes) {
    return {
      open: false,
      reason: `Check-in closed at the end of the visit's day (${dayTimeIn(window.closesAt, zone)}, ${zoneLabel(zone, closes)}). Ask the coordinator to record what happened.`,
    };
  }
  return { open: true };
}

export interface Address {
  line1?: string;
  city?: string;
  state?: string;
  postalCode?: string;
}

/** One line for an address, or null if there is nothing to show. */
export function addressLine(address?: Address | null): string | null {
  if (!address) return null;
  const line = [address.line1, address.city, [address.state, address.postalCode].filter(Boolean).join(' ')].filter((p) => p && p.trim()).join(', ');
  return line || null;
}

/**
 * A maps link that phones open in their maps app (Google's universal maps URL: Android and iOS hand it to the app,
 * desktops open the web map): the address when there is one (what the driver navigates to), else the coordinates.
 */
export function mapsUrl(address?: Address | null, position?: { latitude: number; longitude: number } | null): string | null {
  const line = addressLine(address);
  const query = line ?? (position ? `${position.latitude},${position.longitude}` : null);
  return query ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(query)}` : null;
}
