import { useId, useState, type FormEvent } from 'react';
import { ApiError, api, post, type Page, type Session } from '../api';
import { Section, Show, formatDate, formatDateTime, useLoad } from '../shell/states';
import { isScheduleEvent, useLive } from '../shell/live';
import { discipline, fullName, type CarePlanContent, type FamilyVisit, type Message, type Patient, type Thread } from '../types';
import { VitalsEntry } from './VitalsEntry';
import { CaregiverResources } from './CaregiverResources';
import './family.css';

/**
 * What a family member sees of the people whose care circle lists them, and only what their consent allows:
 * upcoming visits (SCHEDULE), the plan in brief (CARE_PLAN_SUMMARY), the family thread (MESSAGES) and vital signs to
 * read and enter (VITALS); and the agency's resources for caregivers. Never billing.
 */
export function FamilyPortal({ session }: { session: Session }) {
  const [patients, reload] = useLoad(async () => (await api<Page<Patient>>('/patients/v1/patients?size=20')).items);
  return (
    <>
      <h1>Family portal</h1>
      <p className="lead">Welcome, {session.name}.</p>
      <Show
        loaded={patients}
        what="the people you care for"
        retry={reload}
        isEmpty={(l) => l.length === 0}
        empty="No one has shared their care with you yet. The agency adds you to a patient's care circle."
      >
        {(list) => list.map((p) => <Person key={p.id} patient={p} session={session} />)}
      </Show>
      <CaregiverResources />
    </>
  );
}

/** Consent not given (403) or nothing yet (404) is a sentence, not an error. */
function notShared<T>(e: unknown, fallback: T): T {
  if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return fallback;
  throw e;
}

function Person({ patient, session }: { patient: Patient; session: Session }) {
  const id = encodeURIComponent(patient.id);
  const [visits, reloadVisits, refreshVisits] = useLoad(
    () =>
      api<{ familyView: FamilyVisit[] | null }>(`/scheduling/v1/patients/${id}/visits`).then(
        (v) => v.familyView ?? [],
        (e) => notShared<FamilyVisit[] | null>(e, null),
      ),
    [id],
  );
  const [plan, reloadPlan] = useLoad(
    () =>
      api<{ version: number; signedAt: string; content: CarePlanContent }>(`/patients/v1/patients/${id}/care-plan/summary`).catch(
        (e) => notShared(e, null),
      ),
    [id],
  );
  useLive(refreshVisits, (e) => e.patientId === patient.id && isScheduleEvent(e)); // booked, moved or cancelled
  return (
    <article className="person" aria-labelledby={`person-${patient.id}`}>
      <h2 id={`person-${patient.id}`}>{fullName(patient)}</h2>
      <div className="grid">
        <Section id={`visits-${patient.id}`} title="Upcoming visits">
          <Show loaded={visits} what="visits" retry={reloadVisits}>
            {(list) =>
              list === null ? (
                <p className="empty">The schedule is not shared with you.</p>
              ) : list.length === 0 ? (
                <p className="empty">No visits are booked yet.</p>
              ) : (
                <ul className="list">
                  {list.map((v) => (
                    <li key={v.start + v.discipline}>
                      {formatDateTime(v.start)} · {discipline(v.discipline)}
                      {v.clinicianFirstName && <> with {v.clinicianFirstName}</>}
                    </li>
                  ))}
                </ul>
              )
            }
          </Show>
        </Section>
        <Section id={`plan-${patient.id}`} title="Plan of care in brief">
          <Show loaded={plan} what="the plan" retry={reloadPlan}>
            {(summary) =>
              summary === null ? (
                <p className="empty">No signed plan is shared with you yet.</p>
              ) : (
                <>
                  <p>
                    Signed {formatDate(summary.signedAt?.slice(0, 10))}. Visits: {summary.content.frequency}
                  </p>
                  <ul className="list">
                    {summary.content.problems.map((p) => (
                      <li key={p.description}>
                        {p.description}
                        <ul>
                          {p.goals.map((g) => (
                            <li key={g.description}>
                              {g.description} (by {formatDate(g.targetDate)})
                            </li>
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </>
              )
            }
          </Show>
        </Section>
        <FamilyThread patientId={patient.id} session={session} />
        <VitalsEntry patientId={patient.id} patientName={fullName(patient)} />
      </div>
    </article>
  );
}

function FamilyThread({ patientId, session }: { patientId: string; session: Session }) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [sendError, setSendError] = useState<string | null>(null);
  const [thread, reload, refresh] = useLoad(async () => {
    const threads = (await api<Page<Thread>>('/messaging/v1/threads?size=200')).items;
    const family = threads.find((t) => t.kind === 'FAMILY' && t.patientId === patientId);
    if (!family) return null;
    const messages = await api<Message[]>(`/messaging/v1/threads/${family.id}/messages?size=30`);
    return { id: family.id, messages: [...messages].reverse() };
  }, [patientId]);
  useLive(refresh, (e) => e.patientId === patientId && (e.kind === 'MESSAGE' || e.kind === 'URGENT'));
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (thread.state !== 'ready' || !thread.data || !text.trim()) return;
    try {
      await post(`/messaging/v1/threads/${thread.data.id}/messages`, { body: text.trim() });
      setText('');
      setSendError(null);
      reload();
    } catch (e) {
      setSendError(e instanceof Error ? e.message : 'The message could not be sent.');
    }
  };
  return (
    <Section id={`thread-${patientId}`} title="Family messages">
      <Show loaded={thread} what="messages" retry={reload}>
        {(t) =>
          t === null ? (
            <p className="empty">Messages with the care team are not shared with you.</p>
          ) : (
            <>
              {t.messages.length === 0 ? (
                <p className="empty">No messages yet.</p>
              ) : (
                <ul className="messages">
                  {t.messages.map((m) => (
                    <li key={m.id} className={m.author === session.subject ? 'mine' : undefined}>
                      <span className="meta">
                        {m.author === session.subject ? 'You' : 'Care team'} · {formatDateTime(m.sentAt)}
                      </span>
                      <span>{m.deleted ? '(deleted)' : m.body}</span>
                    </li>
                  ))}
                </ul>
              )}
              <form onSubmit={send} className="compose">
                <label htmlFor={inputId}>Write to the care team</label>
                <textarea id={inputId} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} rows={3} />
                <button type="submit" disabled={!text.trim()}>
                  Send
                </button>
                {sendError && <p role="alert">{sendError}</p>}
              </form>
            </>
          )
        }
      </Show>
    </Section>
  );
}
