import { describe, expect, it } from 'vitest';
import {
  DEFAULT_THRESHOLDS,
  breaches,
  byVital,
  chartGeometry,
  chartLines,
  checkReading,
  labelPositions,
  niceTicks,
  type Box,
  type Observation,
} from './vitals';

const box: Box = { width: 300, height: 140, top: 10, right: 40, bottom: 30, left: 60 };
const day = 24 * 3600_000;

describe('chart scaling', () => {
  it('makes round ticks that cover the range', () => {
    expect(niceTicks(86, 184, 5)).toEqual([80, 100, 120, 140, 160, 180, 200]);
    expect(niceTicks(0.2, 0.9, 4)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(5, 5)).toEqual([5]);
  });

  it('spans readings and threshold lines, maps the lowest value to the bottom and the newest time to the right', () => {
    const g = chartGeometry(
      [
        { time: 0, value: 120 },
        { time: 2 * day, value: 150 },
        { time: day, value: 135 },
      ],
      [160, 90],
      box,
    );
    expect(g.yMin).toBeLessThanOrEqual(90);
    expect(g.yMax).toBeGreaterThanOrEqual(160);
    expect(g.y(g.yMin)).toBe(box.height - box.bottom);
    expect(g.y(g.yMax)).toBe(box.top);
    expect(g.x(0)).toBe(box.left);
    expect(g.x(2 * day)).toBe(box.width - box.right);
    // oldest first along the path, higher values drawn higher up
    expect(g.points.map((p) => p.value)).toEqual([120, 135, 150]);
    expect(g.points[2].y).toBeLessThan(g.points[0].y);
    expect(g.path.startsWith(`M${box.left},`)).toBe(true);
    expect(g.path.split('L')).toHaveLength(3);
    expect(g.xTicks[0]).toBe(0);
    expect(g.xTicks[3]).toBe(2 * day);
  });

  it('spreads readings minutes apart over a day around their middle', () => {
    const g = chartGeometry([{ time: 0, value: 160 }, { time: 120_000, value: 166 }], [], box);
    expect(g.xTicks[3] - g.xTicks[0]).toBe(day);
    expect(g.x(60_000)).toBe(box.left + (box.width - box.left - box.right) / 2);
  });

  it('puts a single reading in the middle of the time axis and gives a flat series room', () => {
    const g = chartGeometry([{ time: 5 * day, value: 72 }], [], box);
    expect(g.points[0].x).toBe(box.left + (box.width - box.left - box.right) / 2);
    expect(g.yMin).toBeLessThan(72);
    expect(g.yMax).toBeGreaterThan(72);
  });

  it('pushes overlapping line labels apart and keeps their order', () => {
    expect(labelPositions([50, 52, 100], 12)).toEqual([50, 62, 100]);
    expect(labelPositions([60, 50], 12)).toEqual([62, 50]);
  });
});

describe('thresholds', () => {
  it('draws the systolic thresholds and the morning trend rule at 150, highest first', () => {
    expect(chartLines('SYSTOLIC_BP', DEFAULT_THRESHOLDS).map((l) => `${l.label} | ${l.description}`)).toEqual([
      '≥ 180 critical | critical alert at or above 180',
      '≥ 160 high | high alert at or above 160',
      '≥ 150 on 3 of 5 mornings | high alert when 150 mmHg or more on 3 of the last 5 mornings',
      '< 90 high | high alert below 90',
    ]);
    expect(chartLines('WEIGHT', DEFAULT_THRESHOLDS)).toEqual([]);
  });

  it('finds the thresholds a reading breaches as the alert rules do (at or above, or below), most severe first', () => {
    expect(breaches(160, 'SYSTOLIC_BP', DEFAULT_THRESHOLDS).map((t) => t.key)).toEqual(['SYSTOLIC_BP_HIGH_HIGH']);
    expect(breaches(159, 'SYSTOLIC_BP', DEFAULT_THRESHOLDS)).toEqual([]);
    expect(breaches(87, 'SPO2', DEFAULT_THRESHOLDS).map((t) => t.severity)).toEqual(['CRITICAL', 'HIGH']);
  });

  it('groups readings per vital in a fixed order, oldest first', () => {
    const o = (id: string, vital: Observation['vital'], at: string): Observation => ({ id, vital, value: 1, unit: '', observedAt: at, source: 'DEVICE' });
    const groups = byVital([o('a', 'WEIGHT', '2026-11-02T08:00:00Z'), o('b', 'SYSTOLIC_BP', '2026-11-02T08:00:00Z'), o('c', 'WEIGHT', '2026-11-01T08:00:00Z')]);
    expect(groups.map((g) => g.vital.code)).toEqual(['SYSTOLIC_BP', 'WEIGHT']);
    expect(groups[1].readings.map((r) => r.id)).toEqual(['c', 'a']);
  });
});

describe('a reading entered by hand', () => {
  const now = new Date('2026-11-25T12:00:00');
  const id = () => '3f1c2d4e-0000-4000-8000-000000000001';

  it('sends the value in the unit chosen, with a client-chosen id and the time as an instant', () => {
    const result = checkReading({ vital: 'WEIGHT', value: '158,5', unit: '[lb_av]', observedAt: '2026-11-25T08:30' }, now, id);
    expect(result.errors).toEqual([]);
    expect(result.reading).toEqual({ id: id(), vital: 'WEIGHT', value: 158.5, unit: '[lb_av]', observedAt: new Date('2026-11-25T08:30').toISOString() });
  });

  it('explains impossible values, missing values and readings from the future in sentences', () => {
    expect(checkReading({ vital: 'SYSTOLIC_BP', value: '400', unit: 'mm[Hg]', observedAt: '2026-11-25T08:30' }, now, id).errors).toEqual([
      'A blood pressure, systolic of 400 mmHg is not possible; it must be between 40 and 300 mmHg.',
    ]);
    expect(checkReading({ vital: 'HEART_RATE', value: '', unit: '/min', observedAt: '2026-11-26T08:30' }, now, id).errors).toEqual([
      'Enter the heart rate reading.',
      'The time of the reading is in the future; check the date and time.',
    ]);
    expect(checkReading({ vital: 'PAIN', value: '3.5', unit: '{score}', observedAt: '2026-11-25T08:30' }, now, id).errors).toEqual([
      'The pain score is a whole number from 0 to 10.',
    ]);
    expect(checkReading({ vital: '', value: '1', unit: '', observedAt: '' }, now, id).errors).toEqual(['Choose what you measured.']);
    // 104 °F is 40 °C: possible
    expect(checkReading({ vital: 'TEMPERATURE', value: '104', unit: '[degF]', observedAt: '2026-11-25T08:30' }, now, id).errors).toEqual([]);
  });
});
