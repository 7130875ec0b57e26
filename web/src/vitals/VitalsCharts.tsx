import { useId } from 'react';
import { ApiError, allPages, api } from '../api';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import {
  CHART_BOX,
  DEFAULT_THRESHOLDS,
  breaches,
  byVital,
  chartGeometry,
  chartLines,
  formatValue,
  labelPositions,
  type Observation,
  type Threshold,
  type VitalInfo,
} from './vitals';
import './vitals.css';

export const VITALS_DAYS = 30;

interface VitalsData {
  observations: Observation[];
  thresholds: Threshold[];
  /** True when the patient's own limits could not be read and the documented defaults are drawn. */
  defaults: boolean;
}

/** The patient's readings of the last 30 days, one chart per vital with its alert thresholds, and each as a table. */
export function VitalsCharts({ patientId, refresh = 0 }: { patientId: string; refresh?: number }) {
  const id = encodeURIComponent(patientId);
  const [data, reload] = useLoad<VitalsData>(async () => {
    const from = new Date(Date.now() - VITALS_DAYS * 24 * 3600_000).toISOString();
    // every reading of the period (all pages): a device that sends many a day would otherwise lose the oldest days
    const [observations, limits] = await Promise.all([
      allPages<Observation>(`/patients/v1/patients/${id}/observations?from=${encodeURIComponent(from)}`, { what: 'readings in this period' }),
      api<{ thresholds: Threshold[] }>(`/patients/v1/patients/${id}/alert-thresholds`).catch((e: unknown) => {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }),
    ]);
    return { observations, thresholds: limits?.thresholds ?? DEFAULT_THRESHOLDS, defaults: limits === null };
  }, [id, refresh]);
  return (
    <Section id="vitals" title={`Vital signs, last ${VITALS_DAYS} days`}>
      <Show
        loaded={data}
        what="vital signs"
        retry={reload}
        isEmpty={(d) => d.observations.length === 0}
        empty={`No readings in the last ${VITALS_DAYS} days.`}
      >
        {(d) => (
          <>
            <p className="chart-note">
              Lines mark the {d.defaults ? "agency's default" : "patient's"} alert thresholds
              {d.defaults ? ' (this patient’s own limits could not be read)' : ''}. Readings that cross one are drawn as
              squares and named in each table.
            </p>
            <div className="vitals-charts">
              {byVital(d.observations).map(({ vital, readings }) => (
                <VitalChart key={vital.code} vital={vital} readings={readings} thresholds={d.thresholds} />
              ))}
            </div>
          </>
        )}
      </Show>
    </Section>
  );
}

function VitalChart({ vital, readings, thresholds }: { vital: VitalInfo; readings: Observation[]; thresholds: Threshold[] }) {
  const titleId = useId();
  const descId = useId();
  const lines = chartLines(vital.code, thresholds);
  const g = chartGeometry(
    readings.map((r) => ({ time: Date.parse(r.observedAt), value: r.value })),
    lines.map((l) => l.value),
    CHART_BOX,
  );
  const { box } = g;
  const right = box.width - box.right;
  const bottom = box.height - box.bottom;
  const labelYs = labelPositions(lines.map((l) => g.y(l.value)), 13);
  const latest = readings[readings.length - 1];
  const crossing = readings.filter((r) => breaches(r.value, vital.code, thresholds).length > 0).length;
  // a short span is labelled with hours, a longer one with days
  const short = g.xTicks[g.xTicks.length - 1] - g.xTicks[0] <= 3 * 24 * 3600_000;
  const day = (t: number) =>
    new Date(t).toLocaleString(undefined, short ? { month: 'short', day: 'numeric', hour: 'numeric' } : { month: 'short', day: 'numeric' });
  return (
    <figure className="vital-chart">
      <figcaption>
        <h3 id={titleId}>
          {vital.label} ({vital.unit})
        </h3>
      </figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <desc id={descId}>
          {readings.length === 1 ? 'One reading' : `${readings.length} readings`}; latest {formatValue(latest.value, vital)} on {formatDateTime(latest.observedAt)};{' '}
          {crossing === 0 ? 'none crosses an alert threshold' : `${crossing} ${crossing === 1 ? 'crosses' : 'cross'} an alert threshold`}. The table below lists them.
        </desc>
        {g.yTicks.map((v) => (
          <g key={`y${v}`} className="tick">
            <line x1={box.left} x2={right} y1={g.y(v)} y2={g.y(v)} className="grid-line" />
            <text x={box.left - 6} y={g.y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {g.xTicks.map((t, i) => (
          <text key={`x${i}`} x={g.x(t)} y={bottom + 16} textAnchor={i === 0 ? 'start' : i === g.xTicks.length - 1 ? 'end' : 'middle'} className="tick">
            {day(t)}
          </text>
        ))}
        <line x1={box.left} x2={box.left} y1={box.top} y2={bottom} className="axis" />
        <line x1={box.left} x2={right} y1={bottom} y2={bottom} className="axis" />
        <text x={12} y={box.top + (bottom - box.top) / 2} className="axis-label" transform={`rotate(-90 12 ${box.top + (bottom - box.top) / 2})`} textAnchor="middle">
          {vital.unit}
        </text>
        <text x={box.left + (right - box.left) / 2} y={box.height - 2} className="axis-label" textAnchor="middle">
          Date of reading
        </text>
        {lines.map((l, i) => (
          <g key={`l${l.value}${l.kind}`} className={`limit ${l.kind}`}>
            <line x1={box.left} x2={right} y1={g.y(l.value)} y2={g.y(l.value)} />
            <text x={right + 6} y={labelYs[i] + 4}>
              {l.label}
            </text>
          </g>
        ))}
        <path d={g.path} className="series" />
        {g.points.map((p, i) => {
          const over = breaches(p.value, vital.code, thresholds).length > 0;
          return over ? (
            <rect key={i} x={p.x - 4.5} y={p.y - 4.5} width={9} height={9} className="point over" />
          ) : (
            <circle key={i} cx={p.x} cy={p.y} r={3.5} className="point" />
          );
        })}
      </svg>
      {lines.length > 0 && (
        <p className="chart-legend">
          Lines: {lines.map((l) => (l.kind === 'trend' ? `${l.description} (dashed)` : `${l.description} ${vital.unit}`)).join('; ')}.
        </p>
      )}
      <details>
        <summary>
          {vital.label}: {readings.length === 1 ? 'the reading' : `the ${readings.length} readings`} as a table
        </summary>
        <table>
          <caption className="visually-hidden">
            {vital.label} readings, oldest first, with the alert thresholds they cross
          </caption>
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
              <th scope="col">Alert threshold crossed</th>
            </tr>
          </thead>
          <tbody>
            {readings.map((r) => {
              const crossed = breaches(r.value, vital.code, thresholds);
              return (
                <tr key={r.id}>
                  <td>{formatDateTime(r.observedAt)}</td>
                  <td>{formatValue(r.value, vital)}</td>
                  <td>{r.source.charAt(0) + r.source.slice(1).toLowerCase()}</td>
                  <td>{crossed.length === 0 ? 'None' : crossed.map((t) => `${t.severity.toLowerCase()}: ${t.direction === 'AT_OR_ABOVE' ? 'at or above' : 'below'} ${t.limit}`).join('; ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
