// Frequency orders as the coordinator types them ("SN 2W4, PT 3W2"): read by patient-service's own parser (the one
// the draft save uses, so the preview and the save never disagree), then said in words here.
import { post } from '../api';

export interface Segment {
  minPerWeek: number;
  maxPerWeek: number;
  weeks: number;
}

export interface ParsedOrder {
  discipline: { code: string; description: string };
  segments: Segment[];
  prnVisits: number;
  totalWeeks: number;
  maxScheduledVisits: number;
}

export interface Reading {
  valid: boolean;
  canonical?: string | null;
  orders: ParsedOrder[];
  error?: string | null;
}

export function readFrequency(notation: string): Promise<Reading> {
  return post<Reading>('/patients/v1/frequency-orders/parse', { notation });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function segmentWords(s: Segment): string {
  const visits = s.minPerWeek === s.maxPerWeek ? plural(s.minPerWeek, 'visit', 'visits') : `${s.minPerWeek} to ${s.maxPerWeek} visits`;
  return `${visits} a week for ${plural(s.weeks, 'week', 'weeks')}`;
}

/** "Skilled nursing: 3 visits a week for 1 week, then 2 visits a week for 4 weeks, plus up to 2 visits when needed." */
export function orderInWords(order: ParsedOrder): string {
  const name = order.discipline.description.charAt(0).toUpperCase() + order.discipline.description.slice(1);
  const parts: string[] = [];
  if (order.segments.length > 0) parts.push(order.segments.map(segmentWords).join(', then '));
  if (order.prnVisits > 0) {
    const prn = `up to ${plural(order.prnVisits, 'visit', 'visits')} when needed`;
    parts.push(parts.length > 0 ? `plus ${prn}` : prn);
  }
  const total = order.segments.length > 0 ? ` (at most ${plural(order.maxScheduledVisits, 'scheduled visit', 'scheduled visits')} over ${plural(order.totalWeeks, 'week', 'weeks')})` : '';
  return `${name}: ${parts.join(', ')}${total}.`;
}

/** The parser's message as a sentence: it starts in lower case ("unknown discipline …") and has no full stop. */
export function errorSentence(message: string): string {
  const text = message.trim();
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
