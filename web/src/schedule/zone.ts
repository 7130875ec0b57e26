// Times in the agency's zone, whatever the browser's: the services count days and working hours in the agency's
// zone (scheduling's hearth.scheduling.zone, sent with the board and the slots), so the console shows and takes
// times in that zone too, labelled ("10:00 AM ET"), instead of silently using the browser's.

/** The browser's zone: only a fallback when the service did not say which zone the agency is in. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function parts(instant: Date, zone: string): Record<string, number> {
  const fields = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const out: Record<string, number> = {};
  for (const p of fields) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The YYYY-MM-DD day an instant falls on in the zone. */
export function dayIn(iso: string | Date, zone: string): string {
  const p = parts(new Date(iso), zone);
  return `${p.year}-${two(p.month)}-${two(p.day)}`;
}

/** The HH:MM clock time of an instant in the zone (24 h, what a time input takes). */
export function clockIn(iso: string | Date, zone: string): string {
  const p = parts(new Date(iso), zone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** Today in the zone as YYYY-MM-DD. */
export function todayIn(zone: string, now: Date = new Date()): string {
  return dayIn(now, zone);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(millis: number, zone: string): number {
  const p = parts(new Date(millis), zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(millis / 1000) * 1000;
}

/** The ISO instant of a wall-clock day (YYYY-MM-DD) and time (HH:MM) in the zone, daylight saving included. */
export function instantIn(day: string, time: string, zone: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let millis = wall - offsetAt(wall, zone);
  // the offset at the answer may differ from the offset at the guess across a change of daylight saving
  millis = wall - offsetAt(millis, zone);
  return new Date(millis).toISOString();
}

/** The zone's short name people read: "ET" for America/New_York (or "EST"/"EDT" where generic names are unknown). */
export function zoneLabel(zone: string, at: Date = new Date()): string {
  for (const timeZoneName of ['shortGeneric', 'short'] as const) {
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName })
        .formatToParts(at)
        .find((p) => p.type === 'timeZoneName')?.value;
      if (name && !/^GMT[+-]/.test(name)) return name;
      if (name && timeZoneName === 'short') return name;
    } catch {
      // an engine without 'shortGeneric' throws: try the next form
    }
  }
  return zone;
}

/** "10:00 AM ET": the clock time of an instant in the zone, with the zone's name. */
export function timeIn(iso: string, zone: string): string {
  // newer ICU puts a narrow no-break space before AM/PM: a plain space reads, searches and matches the same everywhere
  const clock = new Date(iso)
    .toLocaleTimeString('en-US', { timeZone: zone, hour: 'numeric', minute: '2-digit' })
    .replace(/[\u202f\u00a0]/g, ' ');
  return `${clock} ${zoneLabel(zone, new Date(iso))}`;
}

/** The zone's long name for captions: "Eastern Time". */
export function zoneName(zone: string, at: Date = new Date()): string {
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return name ?? zone;
  } catch {
    return zone;
  }
}
