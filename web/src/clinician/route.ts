// The drawn route of a clinician's day: positions (WGS84 degrees) projected onto a small drawing, no map tiles.

export interface Position {
  latitude: number;
  longitude: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Frame {
  width: number;
  height: number;
  /** Space kept free at every edge (for markers). */
  padding: number;
}

export interface Projection {
  /** One entry per input position, in the same order; null where the position is unknown. */
  points: (Point | null)[];
  /** Kilometres one unit of the drawing stands for (0 when every known position is the same place). */
  kilometresPerUnit: number;
}

const KM_PER_DEGREE = 111.32;

/**
 * Projects positions onto the frame: equirectangular around their mean latitude (fine for a town-sized area), north
 * up, one scale for both axes so that distances keep their proportions, the drawing centred in the frame. A single
 * place (or the same place several times) lands in the middle.
 */
export function projectRoute(positions: (Position | null | undefined)[], frame: Frame): Projection {
  const known = positions.filter((p): p is Position => p != null && Number.isFinite(p.latitude) && Number.isFinite(p.longitude));
  if (known.length === 0) return { points: positions.map(() => null), kilometresPerUnit: 0 };
  const meanLatitude = known.reduce((sum, p) => sum + p.latitude, 0) / known.length;
  const shrink = Math.cos((meanLatitude * Math.PI) / 180);
  const flat = (p: Position) => ({ x: p.longitude * shrink, y: p.latitude });
  const xs = known.map((p) => flat(p).x);
  const ys = known.map((p) => flat(p).y);
  const minX = Math.min(...xs);
  const maxY = Math.max(...ys);
  const spanX = Math.max(...xs) - minX;
  const spanY = maxY - Math.min(...ys);
  const innerWidth = Math.max(0, frame.width - 2 * frame.padding);
  const innerHeight = Math.max(0, frame.height - 2 * frame.padding);
  const scale = Math.min(spanX > 0 ? innerWidth / spanX : Infinity, spanY > 0 ? innerHeight / spanY : Infinity);
  const unit = Number.isFinite(scale) ? scale : 0; // drawing units per (shrunk) degree
  const offsetX = frame.padding + (innerWidth - spanX * unit) / 2;
  const offsetY = frame.padding + (innerHeight - spanY * unit) / 2;
  return {
    points: positions.map((p) => {
      if (p == null || !Number.isFinite(p.latitude) || !Number.isFinite(p.longitude)) return null;
      const f = flat(p);
      return { x: round(offsetX + (f.x - minX) * unit), y: round(offsetY + (maxY - f.y) * unit) };
    }),
    kilometresPerUnit: unit === 0 ? 0 : KM_PER_DEGREE / unit,
  };
}

/** The SVG polyline "x,y x,y …" through the known points, in order. */
export function polyline(points: (Point | null)[]): string {
  return points
    .filter((p): p is Point => p !== null)
    .map((p) => `${p.x},${p.y}`)
    .join(' ');
}

export interface Marker extends Point {
  /** What the marker says: "1", or "2, 4" when several stops are at the same place. */
  label: string;
}

/** Numbered markers, one per place: stops at the same point share one marker that names them all. */
export function markers(points: (Point | null)[], labels: string[]): Marker[] {
  const byPlace = new Map<string, Marker>();
  points.forEach((p, i) => {
    if (p === null) return;
    const key = `${Math.round(p.x)}:${Math.round(p.y)}`;
    const existing = byPlace.get(key);
    if (existing) existing.label = `${existing.label}, ${labels[i]}`;
    else byPlace.set(key, { x: p.x, y: p.y, label: labels[i] });
  });
  return [...byPlace.values()];
}

/** A scale bar of a round length (0.5, 1, 2, 5, 10 … km) no longer than maxUnits, or null without a scale. */
export function scaleBar(kilometresPerUnit: number, maxUnits: number): { kilometres: number; units: number } | null {
  if (!(kilometresPerUnit > 0) || maxUnits <= 0) return null;
  const most = kilometresPerUnit * maxUnits;
  const magnitude = 10 ** Math.floor(Math.log10(most));
  const kilometres = [5, 2, 1].map((m) => m * magnitude).find((k) => k <= most) ?? magnitude;
  return { kilometres, units: round(kilometres / kilometresPerUnit) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
