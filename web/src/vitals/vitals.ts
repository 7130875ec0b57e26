// Vital signs as patient-service records them (observations.Vital: canonical UCUM unit, accepted units, the range a
// living person can show) and the alert thresholds drawn on the charts (alerts.AlertRules; a patient's effective
// limits come from GET …/alert-thresholds, these defaults are the documented fallback). Pure functions only.

export type VitalCode = 'SYSTOLIC_BP' | 'DIASTOLIC_BP' | 'HEART_RATE' | 'SPO2' | 'TEMPERATURE' | 'WEIGHT' | 'GLUCOSE' | 'PAIN';

export interface UnitOption {
  /** UCUM code sent to the service. */
  code: string;
  label: string;
  /** To the canonical unit. */
  toCanonical: (value: number) => number;
}

export interface VitalInfo {
  code: VitalCode;
  label: string;
  /** Canonical unit as people write it. */
  unit: string;
  min: number;
  max: number;
  /** The canonical unit first. */
  units: UnitOption[];
  whole?: boolean;
}

const same = (v: number) => v;

export const VITALS: VitalInfo[] = [
  { code: 'SYSTOLIC_BP', label: 'Blood pressure, systolic', unit: 'mmHg', min: 40, max: 300, units: [{ code: 'mm[Hg]', label: 'mmHg', toCanonical: same }] },
  { code: 'DIASTOLIC_BP', label: 'Blood pressure, diastolic', unit: 'mmHg', min: 20, max: 200, units: [{ code: 'mm[Hg]', label: 'mmHg', toCanonical: same }] },
  { code: 'HEART_RATE', label: 'Heart rate', unit: 'beats/min', min: 20, max: 300, units: [{ code: '/min', label: 'beats per minute', toCanonical: same }] },
  { code: 'SPO2', label: 'Oxygen saturation (SpO2)', unit: '%', min: 50, max: 100, units: [{ code: '%', label: '%', toCanonical: same }] },
  {
    code: 'TEMPERATURE',
    label: 'Temperature',
    unit: '°C',
    min: 25,
    max: 45,
    units: [
      { code: 'Cel', label: '°C', toCanonical: same },
      { code: '[degF]', label: '°F', toCanonical: (f) => ((f - 32) * 5) / 9 },
    ],
  },
  {
    code: 'WEIGHT',
    label: 'Weight',
    unit: 'kg',
    min: 0.5,
    max: 400,
    units: [
      { code: 'kg', label: 'kg', toCanonical: same },
      { code: '[lb_av]', label: 'lb', toCanonical: (lb) => lb * 0.45359237 },
    ],
  },
  {
    code: 'GLUCOSE',
    label: 'Blood glucose',
    unit: 'mg/dL',
    min: 10,
    max: 1000,
    units: [
      { code: 'mg/dL', label: 'mg/dL', toCanonical: same },
      { code: 'mmol/L', label: 'mmol/L', toCanonical: (mmol) => mmol * 18 },
    ],
  },
  { code: 'PAIN', label: 'Pain score', unit: 'of 10', min: 0, max: 10, units: [{ code: '{score}', label: 'score 0 to 10', toCanonical: same }], whole: true },
];

export function vitalInfo(code: string): VitalInfo | undefined {
  return VITALS.find((v) => v.code === code);
}

export interface Observation {
  id: string;
  vital: VitalCode;
  value: number;
  unit: string;
  observedAt: string;
  source: 'CLINICIAN' | 'FAMILY' | 'DEVICE' | string;
  recordedBy?: string;
  recordedAt?: string;
}

/** GET …/alert-thresholds: one effective threshold. */
export interface Threshold {
  key: string;
  vital: string;
  direction: 'AT_OR_ABOVE' | 'BELOW';
  severity: 'WARNING' | 'HIGH' | 'CRITICAL';
  limit: number;
  defaultLimit?: number;
  unit?: string;
}

const t = (vital: VitalCode, direction: Threshold['direction'], limit: number, severity: Threshold['severity']): Threshold => ({
  key: `${vital}_${direction === 'AT_OR_ABOVE' ? 'HIGH' : 'LOW'}_${severity}`,
  vital,
  direction,
  severity,
  limit,
  defaultLimit: limit,
});

/** AlertRules.THRESHOLDS, the defaults when the patient's own limits cannot be read. */
export const DEFAULT_THRESHOLDS: Threshold[] = [
  t('SYSTOLIC_BP', 'AT_OR_ABOVE', 180, 'CRITICAL'),
  t('SYSTOLIC_BP', 'AT_OR_ABOVE', 160, 'HIGH'),
  t('SYSTOLIC_BP', 'BELOW', 90, 'HIGH'),
  t('DIASTOLIC_BP', 'AT_OR_ABOVE', 110, 'CRITICAL'),
  t('HEART_RATE', 'AT_OR_ABOVE', 130, 'HIGH'),
  t('HEART_RATE', 'BELOW', 45, 'HIGH'),
  t('SPO2', 'BELOW', 88, 'CRITICAL'),
  t('SPO2', 'BELOW', 92, 'HIGH'),
  t('TEMPERATURE', 'AT_OR_ABOVE', 39.5, 'HIGH'),
  t('TEMPERATURE', 'AT_OR_ABOVE', 38, 'WARNING'),
  t('GLUCOSE', 'BELOW', 54, 'CRITICAL'),
  t('GLUCOSE', 'BELOW', 70, 'HIGH'),
  t('GLUCOSE', 'AT_OR_ABOVE', 400, 'CRITICAL'),
  t('GLUCOSE', 'AT_OR_ABOVE', 300, 'HIGH'),
  t('PAIN', 'AT_OR_ABOVE', 8, 'HIGH'),
];

/** A line on a chart: a threshold, or the level a trend rule counts (MORNING_SYSTOLIC_150_3_OF_5). */
export interface ChartLine {
  value: number;
  /** Short, next to the line: "≥ 160 high". */
  label: string;
  /** In words, for the legend: "high alert at or above 160". */
  description: string;
  kind: 'threshold' | 'trend';
}

export function thresholdLabel(th: Pick<Threshold, 'direction' | 'limit' | 'severity'>): string {
  return `${th.severity.toLowerCase()} alert ${th.direction === 'AT_OR_ABOVE' ? 'at or above' : 'below'} ${th.limit}`;
}

/** The lines of one vital's chart: its thresholds, and for systolic pressure the morning trend rule at 150. */
export function chartLines(vital: string, thresholds: Threshold[]): ChartLine[] {
  const lines: ChartLine[] = thresholds
    .filter((th) => th.vital === vital)
    .map((th) => ({
      value: th.limit,
      label: `${th.direction === 'AT_OR_ABOVE' ? '≥' : '<'} ${th.limit} ${th.severity.toLowerCase()}`,
      description: thresholdLabel(th),
      kind: 'threshold',
    }));
  if (vital === 'SYSTOLIC_BP') {
    lines.push({ value: 150, label: '≥ 150 on 3 of 5 mornings', description: 'high alert when 150 mmHg or more on 3 of the last 5 mornings', kind: 'trend' });
  }
  return lines.sort((a, b) => b.value - a.value);
}

/** The thresholds a reading breaches, most severe first (as AlertRules reads them: at or above, or below). */
export function breaches(value: number, vital: string, thresholds: Threshold[]): Threshold[] {
  const rank = { CRITICAL: 0, HIGH: 1, WARNING: 2 };
  return thresholds
    .filter((th) => th.vital === vital && (th.direction === 'AT_OR_ABOVE' ? value >= th.limit : value < th.limit))
    .sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** Readings per vital, in the order of VITALS, each oldest first. */
export function byVital(observations: Observation[]): { vital: VitalInfo; readings: Observation[] }[] {
  return VITALS.map((vital) => ({
    vital,
    readings: observations
      .filter((o) => o.vital === vital.code)
      .sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt)),
  })).filter((g) => g.readings.length > 0);
}

// ---- chart geometry ---------------------------------------------------------------------------------------------

export interface Box {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const CHART_BOX: Box = { width: 560, height: 220, top: 12, right: 150, bottom: 36, left: 48 };

/** Round steps (1, 2, 5 × 10^n) from min to max, about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count - 1);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  // the smallest round step that needs at most count + 1 intervals
  const step = [1, 2, 5, 10, 20].map((m) => m * power).find((s) => (max - min) / s <= count + 1) ?? 20 * power;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

export interface Geometry {
  box: Box;
  yMin: number;
  yMax: number;
  yTicks: number[];
  /** Times (ms) for the labels of the time axis. */
  xTicks: number[];
  x: (time: number) => number;
  y: (value: number) => number;
  points: { x: number; y: number; time: number; value: number }[];
  /** SVG path through the points, oldest first. */
  path: string;
}

/**
 * Where readings and lines go in the chart box: the value axis spans readings and lines with a little room and
 * round ticks; the time axis spans the readings, at least a day (readings closer together sit around its middle).
 */
export function chartGeometry(readings: { time: number; value: number }[], lines: number[], box: Box = CHART_BOX): Geometry {
  const values = [...readings.map((r) => r.value), ...lines];
  let lo = values.length ? Math.min(...values) : 0;
  let hi = values.length ? Math.max(...values) : 1;
  if (hi - lo < 1e-9) {
    const pad = Math.max(1, Math.abs(hi) * 0.05);
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
  }
  const yTicks = niceTicks(lo, hi, 5);
  const yMin = yTicks[0];
  const yMax = yTicks[yTicks.length - 1];
  const times = readings.map((r) => r.time);
  let t0 = times.length ? Math.min(...times) : 0;
  let t1 = times.length ? Math.max(...times) : 1;
  // at least a day wide: readings minutes apart would otherwise crowd the time labels into one spot
  const minimum = 24 * 3600_000;
  if (t1 - t0 < minimum) {
    const middle = (t0 + t1) / 2;
    t0 = middle - minimum / 2;
    t1 = middle + minimum / 2;
  }
  const innerW = box.width - box.left - box.right;
  const innerH = box.height - box.top - box.bottom;
  const x = (time: number) => box.left + ((time - t0) / (t1 - t0)) * innerW;
  const y = (value: number) => box.top + (1 - (value - yMin) / (yMax - yMin)) * innerH;
  const xTicks = [0, 1 / 3, 2 / 3, 1].map((f) => Math.round(t0 + f * (t1 - t0)));
  const points = [...readings].sort((a, b) => a.time - b.time).map((r) => ({ x: round(x(r.time)), y: round(y(r.value)), time: r.time, value: r.value }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  return { box, yMin, yMax, yTicks, xTicks, x, y, points, path };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Label positions for the lines at the right edge, pushed apart so that no two overlap (min gap in px). */
export function labelPositions(ys: number[], gap = 12): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed: number[] = new Array(ys.length);
  let last = -Infinity;
  for (const { y, i } of order) {
    const at = Math.max(y, last + gap);
    placed[i] = at;
    last = at;
  }
  return placed;
}

// ---- a reading entered by hand ------------------------------------------------------------------------------------

export interface ReadingInput {
  vital: string;
  value: string;
  unit: string;
  /** datetime-local value, in the browser's zone. */
  observedAt: string;
}

export interface Reading {
  id: string;
  vital: VitalCode;
  value: number;
  unit: string;
  observedAt: string;
}

/** A reading checked as the service checks it (range, unit, not in the future), with each problem as a sentence. */
export function checkReading(input: ReadingInput, now: Date, newId: () => string): { reading?: Reading; errors: string[] } {
  const vital = vitalInfo(input.vital);
  if (!vital) return { errors: ['Choose what you measured.'] };
  const errors: string[] = [];
  const unit = vital.units.find((u) => u.code === input.unit) ?? vital.units[0];
  const text = input.value.trim().replace(',', '.');
  const value = Number(text);
  if (!text) {
    errors.push(`Enter the ${vital.label.toLowerCase()} reading.`);
  } else if (!Number.isFinite(value)) {
    errors.push(`The ${vital.label.toLowerCase()} must be a number.`);
  } else {
    const canonical = unit.toCanonical(value);
    if (canonical < vital.min || canonical > vital.max) {
      errors.push(`A ${vital.label.toLowerCase()} of ${text} ${unit.label} is not possible; it must be between ${vital.min} and ${vital.max} ${vital.unit}.`);
    } else if (vital.whole && !Number.isInteger(value)) {
      errors.push(`The ${vital.label.toLowerCase()} is a whole number from ${vital.min} to ${vital.max}.`);
    }
  }
  const when = input.observedAt ? new Date(input.observedAt) : null;
  if (!when || Number.isNaN(when.getTime())) {
    errors.push('Enter when the reading was taken.');
  } else if (when.getTime() > now.getTime() + 5 * 60_000) {
    errors.push('The time of the reading is in the future; check the date and time.');
  }
  if (errors.length > 0) return { errors };
  return { reading: { id: newId(), vital: vital.code, value, unit: unit.code, observedAt: when!.toISOString() }, errors };
}

/** YYYY-MM-DDTHH:mm in the browser's zone, for a datetime-local input. */
export function localDateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`;
}

export function formatValue(value: number, vital: VitalInfo | undefined): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return vital ? `${text} ${vital.unit}` : text;
}
