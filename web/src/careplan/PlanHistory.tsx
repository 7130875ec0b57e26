import { useId, useState } from 'react';
import { api } from '../api';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { PlanDiffView } from './PlanDiff';
import { defaultPair, versionLabel, type VersionSummary } from './planDiff';

/** Every version of the plan, newest first, and what changed between any two of them. */
export function PlanHistory({ patientId }: { patientId: string }) {
  const [versions, reload] = useLoad(
    () => api<VersionSummary[]>(`/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan/versions`),
    [patientId],
  );
  return (
    <Section id="versions" title="Plan versions">
      <Show loaded={versions} what="plan versions" retry={reload} isEmpty={(v) => v.length === 0} empty="No plan has been written yet.">
        {(list) => (
          <>
            <ol className="list" reversed>
              {list.map((v) => (
                <li key={v.number}>
                  {versionLabel(v)} · visits {v.frequency} · written {formatDateTime(v.authoredAt)}
                  {v.signedAt && <>, signed {formatDateTime(v.signedAt)}</>}
                </li>
              ))}
            </ol>
            <VersionCompare patientId={patientId} versions={list} />
          </>
        )}
      </Show>
    </Section>
  );
}

function VersionCompare({ patientId, versions }: { patientId: string; versions: VersionSummary[] }) {
  const initial = defaultPair(versions);
  const [from, setFrom] = useState(initial?.from ?? 0);
  const [to, setTo] = useState(initial?.to ?? 0);
  if (!initial) return <p className="empty">There is only one version, so there is nothing to compare yet.</p>;
  const options = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div className="compare">
      <h3>Compare two versions</h3>
      <div className="version-pick">
        <VersionSelect label="Older version" value={from} onChange={setFrom} options={options} />
        <VersionSelect label="Newer version" value={to} onChange={setTo} options={options} />
      </div>
      {from === to ? (
        <p className="empty">Choose two different versions to see what changed.</p>
      ) : (
        <div aria-live="polite">
          <PlanDiffView patientId={patientId} from={Math.min(from, to)} to={Math.max(from, to)} headingLevel={4} />
        </div>
      )}
    </div>
  );
}

function VersionSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: number;
  onChange: (version: number) => void;
  options: VersionSummary[];
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((v) => (
          <option key={v.number} value={v.number}>
            {versionLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
