import { api } from '../api';
import { Show, useLoad } from '../shell/states';
import { describeDiff, diffSummary, type CarePlanDiff, type ChangeKind } from './planDiff';
import './careplan.css';

const MARK: Record<ChangeKind, string> = { added: 'Added', removed: 'Removed', changed: 'Changed' };

/** What changed between two versions of a patient's plan, section by section, each line marked in words. */
export function PlanDiffView({ patientId, from, to, headingLevel = 3 }: { patientId: string; from: number; to: number; headingLevel?: 3 | 4 }) {
  const [diff, reload] = useLoad(
    () => api<CarePlanDiff>(`/patients/v1/patients/${encodeURIComponent(patientId)}/care-plan/diff?from=${from}&to=${to}`),
    [patientId, from, to],
  );
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <Show loaded={diff} what="the changes" retry={reload}>
      {(d) => {
        const sections = describeDiff(d);
        return (
          <div className="plan-diff">
            <p className="diff-summary">
              From version {d.from} to version {d.to}: {diffSummary(sections)}
            </p>
            {sections.map((s) => (
              <div key={s.section} className="diff-section">
                <Heading>{s.title}</Heading>
                <ul>
                  {s.lines.map((line, i) => (
                    <li key={i} className={`diff-line ${line.kind}`}>
                      <span className={`mark ${line.kind}`}>{MARK[line.kind]}:</span>{' '}
                      {line.kind === 'removed' ? <del>{line.text}</del> : line.kind === 'added' ? <ins>{line.text}</ins> : line.text}
                      {line.details && line.details.length > 0 && (
                        <ul className="diff-details">
                          {line.details.map((detail) => (
                            <li key={detail}>{detail}</li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        );
      }}
    </Show>
  );
}
