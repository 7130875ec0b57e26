import { markers, polyline, projectRoute, scaleBar, type Position } from './route';

const WIDTH = 560;
const HEIGHT = 320;
const PADDING = 28;

function pill(label: string): number {
  return Math.max(24, label.length * 7.5 + 12);
}

/**
 * The day's route drawn from map positions (no map tiles): straight lines from the home base through each stop in
 * order, numbered like the list of visits, which is the text alternative.
 */
export function RouteMap({ home, stops }: { home?: Position | null; stops: (Position | null)[] }) {
  const positions = [home ?? null, ...stops];
  const { points, kilometresPerUnit } = projectRoute(positions, { width: WIDTH, height: HEIGHT, padding: PADDING });
  const labels = ['Start', ...stops.map((_, i) => String(i + 1))];
  const drawn = stops.filter((s) => s != null).length;
  const missing = stops.length - drawn;
  const bar = scaleBar(kilometresPerUnit, WIDTH / 4);
  const startAt = points[0];
  const places = markers(points.slice(1), labels.slice(1));

  if (drawn === 0) {
    return <p className="empty">None of today&rsquo;s stops has a map position, so no route can be drawn.</p>;
  }
  const summary =
    `Route drawing: ${home ? 'from your home base ' : ''}through ${drawn} ${drawn === 1 ? 'stop' : 'stops'} in visit order` +
    (missing > 0 ? `; ${missing} without a map position ${missing === 1 ? 'is' : 'are'} left out` : '') +
    '. The numbered list of visits describes the same route.';
  return (
    <figure className="route-map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="route-map-title">
        <title id="route-map-title">{summary}</title>
        <rect x="0" y="0" width={WIDTH} height={HEIGHT} className="route-ground" />
        <polyline points={polyline(points)} className="route-line" />
        {startAt && (
          <g className="route-start">
            <rect x={startAt.x - 9} y={startAt.y - 9} width="18" height="18" />
            <text x={startAt.x} y={startAt.y - 14} textAnchor="middle">
              Start
            </text>
          </g>
        )}
        {places.map((m) => (
          <g key={m.label} className="route-stop">
            {/* a pill wide enough for "2, 3, 4" when several stops share a home */}
            <rect x={m.x - pill(m.label) / 2} y={m.y - 12} width={pill(m.label)} height="24" rx="12" />
            <text x={m.x} y={m.y} textAnchor="middle" dominantBaseline="central">
              {m.label}
            </text>
          </g>
        ))}
        {bar && (
          <g className="route-scale">
            <line x1={PADDING} x2={PADDING + bar.units} y1={HEIGHT - 10} y2={HEIGHT - 10} />
            <text x={PADDING + bar.units + 6} y={HEIGHT - 10} dominantBaseline="central">
              {bar.kilometres} km
            </text>
          </g>
        )}
      </svg>
      <figcaption>
        Straight lines between the homes, not streets.{' '}
        {missing > 0 && `${missing} ${missing === 1 ? 'stop has' : 'stops have'} no map position and ${missing === 1 ? 'is' : 'are'} not drawn. `}
        The list below gives the same route in words.
      </figcaption>
    </figure>
  );
}
