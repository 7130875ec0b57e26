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
  const fromId = useId();
  const toId = useId();
  if (!initial) return <p className="empty">There is only one version, so there is nothing to compare yet.</p>;
  const options = [...versions].sort((a, b) => b.number - a.number);
  return (
    <div className="compare">
      <h3>Compare two versions</h3>
      <div className="version-pick">
        <label htmlFor={fromId}>
          Older version
          <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {options.map((v) => (
              <option key={v.number} value={v.number}>
                {versionLabel(v)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={toId}>
          Newer version
          <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {options.map((v) => (
              <option key={v.number} value={v.number}>
                {versionLabel(v)}
              </option>
            ))}
          </select>
        </label>
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
