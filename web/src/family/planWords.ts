// A plan's visit frequency ("SN 3W1, 2W3, PT 3W2, 2 PRN") in plain words for the family, in English or Spanish. The
// notation is patient-service's (FrequencyNotation): a discipline code starts an order, the segments after it belong
// to it until the next code; a segment is "<n>W<weeks>" or "<low>-<high>W<weeks>", and "<n> PRN" adds visits as needed.
export type Language = 'en' | 'es';

export interface Segment {
  low: number;
  high: number;
  weeks: number;
}

export interface Order {
  discipline: string;
  segments: Segment[];
  prn: number;
}

const WEEKLY = /^(\d{1,2})(?:\s*-\s*(\d{1,2}))?\s*W\s*(\d{1,2})$/i;
const PRN = /^(?:(\d{1,2})\s*PRN|PRN\s*X?\s*(\d{1,2}))$/i;
const CODE = /^([A-Za-z]+)\s*(.*)$/;

/** The orders of a frequency, or null if it cannot be read (the family then sees the notation as written). */
export function parseFrequency(notation: string | null | undefined): Order[] | null {
  if (!notation || !notation.trim()) return null;
  const orders: Order[] = [];
  let current: Order | null = null;
  for (const raw of notation.split(/[,;]/)) {
    let part = raw.trim();
    if (!part) return null;
    const coded = CODE.exec(part);
    if (coded && !PRN.test(part)) {
      current = { discipline: coded[1].toUpperCase(), segments: [], prn: 0 };
      orders.push(current);
      part = coded[2].trim();
      if (!part) return null;
    }
    if (!current) return null;
    const weekly = WEEKLY.exec(part);
    const prn = PRN.exec(part);
    if (weekly) {
      const low = Number(weekly[1]);
      current.segments.push({ low, high: weekly[2] ? Number(weekly[2]) : low, weeks: Number(weekly[3]) });
    } else if (prn) {
      current.prn += Number(prn[1] ?? prn[2]);
    } else {
      return null;
    }
  }
  return orders.length ? orders : null;
}

interface Words {
  who: Record<string, string>;
  visitsBy: (who: string) => string;
  times: (low: number, high: number, several: boolean) => string;
  weeks: (n: number) => string;
  then: string;
  prn: (n: number, alone: boolean) => string;
}

const WORDS: Record<Language, Words> = {
  en: {
    who: {
      SN: 'Nurse',
      PT: 'Physical therapist',
      OT: 'Occupational therapist',
      ST: 'Speech therapist',
      MSW: 'Social worker',
      HHA: 'Home health aide',
      RD: 'Dietitian',
    },
    visitsBy: (who) => `${who} visits`,
    times: (low, high, several) => {
      if (low !== high) return `${low} to ${high} times a week`;
      if (!several && low === 1) return 'once a week';
      if (!several && low === 2) return 'twice a week';
      return `${low} ${low === 1 ? 'time' : 'times'} a week`;
    },
    weeks: (n) => `for ${n} ${n === 1 ? 'week' : 'weeks'}`,
    then: ', then ',
    prn: (n, alone) =>
      alone ? `only when needed, up to ${n} ${n === 1 ? 'time' : 'times'}` : `, and ${n === 1 ? '1 more visit' : `up to ${n} more visits`} if needed`,
  },
  es: {
    who: {
      SN: 'enfermería',
      PT: 'fisioterapia',
      OT: 'terapia ocupacional',
      ST: 'terapia del habla',
      MSW: 'trabajo social',
      HHA: 'auxiliar de salud en el hogar',
      RD: 'nutrición',
    },
    visitsBy: (who) => `Visitas de ${who}`,
    times: (low, high) => {
      if (low !== high) return `de ${low} a ${high} veces por semana`;
      if (low === 1) return 'una vez por semana';
      if (low === 2) return 'dos veces por semana';
      return `${low} veces por semana`;
    },
    weeks: (n) => `durante ${n} ${n === 1 ? 'semana' : 'semanas'}`,
    then: ', luego ',
    prn: (n, alone) =>
      alone ? `solo si hace falta, hasta ${n} ${n === 1 ? 'vez' : 'veces'}` : `, y ${n === 1 ? '1 visita más' : `hasta ${n} visitas más`} si hace falta`,
  },
};

/** One order as a sentence: "Nurse visits twice a week for 4 weeks." */
export function orderInWords(order: Order, language: Language): string {
  const w = WORDS[language];
  const who = w.who[order.discipline] ?? order.discipline;
  const several = order.segments.length > 1;
  const segments = order.segments.map((s) => `${w.times(s.low, s.high, several)} ${w.weeks(s.weeks)}`).join(w.then);
  const prn = order.prn > 0 ? w.prn(order.prn, order.segments.length === 0) : '';
  return `${w.visitsBy(who)} ${segments}${prn}`.replace(/\s+/g, ' ') + '.';
}

/** The whole frequency as sentences, one per discipline; null if it cannot be read. */
export function planInWords(notation: string | null | undefined, language: Language): string[] | null {
  const orders = parseFrequency(notation);
  return orders ? orders.map((o) => orderInWords(o, language)) : null;
}
