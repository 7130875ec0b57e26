import { describe, expect, it } from 'vitest';
import { markers, polyline, projectRoute, scaleBar } from './route';

const frame = { width: 400, height: 300, padding: 20 };

describe('projectRoute', () => {
  it('puts north up and east right, inside the padding', () => {
    const base = { latitude: 39.78, longitude: -89.65 };
    const northEast = { latitude: 39.8, longitude: -89.62 };
    const { points } = projectRoute([base, northEast], frame);
    const [a, b] = points;
    expect(b!.x).toBeGreaterThan(a!.x);
    expect(b!.y).toBeLessThan(a!.y);
    for (const p of points) {
      expect(p!.x).toBeGreaterThanOrEqual(20);
      expect(p!.x).toBeLessThanOrEqual(380);
      expect(p!.y).toBeGreaterThanOrEqual(20);
      expect(p!.y).toBeLessThanOrEqual(280);
    }
  });

  it('keeps proportions: one scale for both axes, corrected for latitude', () => {
    // 0.01° of latitude and 0.01° of longitude at 60° north: the east-west leg is half as long
    const { points } = projectRoute(
      [
        { latitude: 60, longitude: 10 },
        { latitude: 60.01, longitude: 10 },
        { latitude: 60, longitude: 10.01 },
      ],
      { width: 1000, height: 1000, padding: 0 },
    );
    const [origin, north, east] = points as { x: number; y: number }[];
    const up = origin.y - north.y;
    const right = east.x - origin.x;
    expect(right / up).toBeCloseTo(Math.cos((60.0033 * Math.PI) / 180), 2);
  });

  it('fills the frame along the longer side and centres the other', () => {
    const { points } = projectRoute(
      [
        { latitude: 0, longitude: 0 },
        { latitude: 0, longitude: 1 },
      ],
      frame,
    );
    expect(points[0]).toEqual({ x: 20, y: 150 });
    expect(points[1]).toEqual({ x: 380, y: 150 });
  });

  it('reports the kilometres one unit stands for', () => {
    const { kilometresPerUnit } = projectRoute(
      [
        { latitude: 0, longitude: 0 },
        { latitude: 1, longitude: 0 },
      ],
      { width: 100, height: 111.32, padding: 0 },
    );
    expect(kilometresPerUnit).toBeCloseTo(1, 5);
  });

  it('keeps unknown positions as gaps and draws one place in the middle', () => {
    const home = { latitude: 39.799, longitude: -89.644 };
    const result = projectRoute([null, home, undefined, home], frame);
    expect(result.points).toEqual([null, { x: 200, y: 150 }, null, { x: 200, y: 150 }]);
    expect(result.kilometresPerUnit).toBe(0);
    expect(projectRoute([null], frame).points).toEqual([null]);
  });
});

describe('polyline', () => {
  it('joins the known points in order', () => {
    expect(polyline([{ x: 1, y: 2 }, null, { x: 3.5, y: 4 }])).toBe('1,2 3.5,4');
    expect(polyline([])).toBe('');
  });
});

describe('markers', () => {
  it('numbers each place and shares a marker between stops at the same place', () => {
    const at = { x: 10, y: 10 };
    expect(markers([{ x: 0, y: 0 }, at, null, { x: 10.2, y: 9.9 }], ['H', '1', '2', '3'])).toEqual([
      { x: 0, y: 0, label: 'H' },
      { x: 10, y: 10, label: '1, 3' },
    ]);
  });
});

describe('scaleBar', () => {
  it('picks a round length that fits', () => {
    expect(scaleBar(0.05, 100)).toEqual({ kilometres: 5, units: 100 });
    expect(scaleBar(0.03, 100)).toEqual({ kilometres: 2, units: 66.7 });
    expect(scaleBar(0.004, 100)).toEqual({ kilometres: 0.2, units: 50 });
  });

  it('has no scale without distances', () => {
    expect(scaleBar(0, 100)).toBeNull();
  });
});
