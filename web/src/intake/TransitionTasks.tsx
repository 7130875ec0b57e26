import { useState } from 'react';
import { ApiError, api, post } from '../api';
import { ErrorMessage, Loading, Section, formatDate, formatDateTime, useLoad } from '../shell/states';

export interface TransitionTask {
  type: string;
  dueOn: string;
  status: 'OPEN' | 'OVERDUE' | 'DONE';
  completedBy?: string | null;
  completedAt?: string | null;
}

export interface Transition {
  patientId: string;
  dischargedOn: string;
  complexity?: string;
  tasks: TransitionTask[];
}

const TASKS: Record<string, string> = {
  INTERACTIVE_CONTACT: 'Interactive contact with the patient or caregiver',
  FACE_TO_FACE_VISIT: 'Face-to-face visit',
};

export function taskLabel(type: string): string {
  return TASKS[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

/** "Due 3 Dec 2026 (overdue)" or "Done 2 Dec 2026, 10:00": status in words, never by colour alone. */
export function taskState(task: TransitionTask): string {
  if (task.status === 'DONE') return `Done ${formatDateTime(task.completedAt)}`;
  return `Due ${formatDate(task.dueOn)}${task.status === 'OVERDUE' ? ' (overdue)' : ''}`;
}

/**
 * The follow-up owed after a hospital discharge (patient-service's transition of care), each open task with "Mark
 * done". A patient who did not come from hospital has none (404), which is said, not shown as an error.
 */
export function TransitionTasks({ patientId, title = 'Transition-of-care tasks', id = 'intake-transition' }: { patientId: string; title?: string; id?: string }) {
  const path = `/patients/v1/patients/${encodeURIComponent(patientId)}/transition-of-care`;
  const [loaded, reload, refresh] = useLoad(
    async () => {
      try {
        return await api<Transition>(path);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 404 || e.status === 403)) return e.status;
        throw e;
      }
    },
    [path],
  );
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const markDone = async (task: TransitionTask) => {
    setBusy(task.type);
    setFailure(null);
    setDone(null);
    try {
      await post<Transition>(`${path}/tasks/${task.type}/completion`);
      setDone(`${taskLabel(task.type)} is marked done.`);
      refresh();
    } catch (e) {
      setFailure(e instanceof ApiError ? e.message : 'The task could not be marked done. Please try again.');
    } finally {
      setBusy(null);
    }
  };

  return (
    <Section id={id} title={title}>
      {loaded.state === 'loading' && <Loading what="transition-of-care tasks" />}
      {loaded.state === 'error' && <ErrorMessage message={loaded.message} retry={reload} />}
      {loaded.state === 'ready' && loaded.data === 404 && (
        <p className="empty">No transition-of-care tasks: the patient did not come home from a hospital stay.</p>
      )}
      {loaded.state === 'ready' && loaded.data === 403 && <p className="empty">Your role does not follow transitions of care.</p>}
      {loaded.state === 'ready' && typeof loaded.data === 'object' && (
        <>
          <p>
            Home from hospital on {formatDate(loaded.data.dischargedOn)}
            {loaded.data.complexity && `, ${loaded.data.complexity.toLowerCase()} complexity`}.
          </p>
          <ul className="list tasks">
            {loaded.data.tasks.map((t) => (
              <li key={t.type}>
                <span className="task-name">{taskLabel(t.type)}</span> · <span>{taskState(t)}</span>
                {t.status !== 'DONE' && (
                  <>
                    {' '}
                    <button type="button" disabled={busy !== null} onClick={() => markDone(t)} aria-label={`Mark done: ${taskLabel(t.type)}`}>
                      Mark done
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status" className="notice-line">
        {done}
      </p>
      {failure && <p role="alert" className="field-error">{failure}</p>}
    </Section>
  );
}
