import { useId, useState, type FormEvent } from 'react';
import { ApiError, allPages, api, post, type Session } from '../api';
import { Section, useLoad } from '../shell/states';
import { isScheduleEvent, useLive } from '../shell/live';
import { fullName, type CarePlanContent, type FamilyVisit, type Message, type Patient } from '../types';
import { threadsOf } from '../messages/threads';
import { VitalsEntry } from './VitalsEntry';
import { CaregiverResources } from './CaregiverResources';
import { LanguageSwitch } from './LanguageSwitch';
import { FamilyShow } from './FamilyShow';
import { Link } from '../shell/router';
import { STRINGS, dateIn, dateTimeIn, disciplineIn, initialLanguage, rememberLanguage, storedLanguage, type Language, type Strings } from './i18n';
import { planInWords } from './planWords';
import { noticeText, type FamilyNotice } from './notices';
import './family.css';

/**
 * What a family member sees of the people whose care circle lists them, and only what their consent allows:
 * upcoming visits (SCHEDULE), the plan in brief and in plain words (CARE_PLAN_SUMMARY), the family thread with notices
 * of plan and schedule changes (MESSAGES) and vital signs to read and enter (VITALS); and the agency's resources for
 * caregivers. Never billing. In English or Spanish: the choice is remembered on the device, and until one is made the
 * portal speaks the (first) patient's language.
 */
export function FamilyPortal({ session }: { session: Session }) {
  const [chosen, setChosen] = useState<Language | null>(() => storedLanguage());
  // every patient whose care circle lists me (all pages): each has a section here
  const [patients, reload] = useLoad(() => allPages<Patient>('/patients/v1/patients', { what: 'patients' }));
  const fallback = patients.state === 'ready' && patients.data.length > 0 ? initialLanguage(patients.data[0].language) : 'en';
  const language: Language = chosen ?? fallback;
  const t = STRINGS[language];
  const choose = (next: Language) => {
    rememberLanguage(next);
    setChosen(next);
  };
  return (
    <div lang={language}>
      <h1>{t.portal}</h1>
      <p className="lead">{t.welcome(session.name)}</p>
      <LanguageSwitch language={language} onChange={choose} t={t} />
      <FamilyShow t={t}
        loaded={patients}
        what={t.peopleYouCareFor}
        retry={reload}
        isEmpty={(l) => l.length === 0}
        empty={t.noOneShared}
      >
        {(list) => list.map((p) => <Person key={p.id} patient={p} session={session} t={t} language={language} />)}
      </FamilyShow>
      <CaregiverResources t={t} />
    </div>
  );
}

/** Consent not given (403) or nothing yet (404) is a sentence, not an error. */
function notShared<T>(e: unknown, fallback: T): T {
  if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return fallback;
  throw e;
}

interface Props {
  session: Session;
  t: Strings;
  language: Language;
}

function Person({ patient, session, t, language }: Props & { patient: Patient }) {
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
      <p>
        <Link to={`/family/who-viewed/${id}`}>{t.whoViewed(patient.givenName)}</Link>
        {' · '}
        <Link to={`/family/sharing/${id}`}>{t.shareRecord(patient.givenName)}</Link>
      </p>
      <div className="grid">
        <Section id={`visits-${patient.id}`} title={t.upcomingVisits}>
          <FamilyShow t={t} loaded={visits} what={t.visits} retry={reloadVisits}>
            {(list) =>
              list === null ? (
                <p className="empty">{t.scheduleNotShared}</p>
              ) : list.length === 0 ? (
                <p className="empty">{t.noVisits}</p>
              ) : (
                <ul className="list">
                  {list.map((v) => (
                    <li key={v.start + v.discipline}>
                      {dateTimeIn(language, v.start)} · {t.visitWith(disciplineIn(t, v.discipline), v.clinicianFirstName)}
                    </li>
                  ))}
                </ul>
              )
            }
          </FamilyShow>
        </Section>
        <Section id={`plan-${patient.id}`} title={t.planInBrief}>
          <FamilyShow t={t} loaded={plan} what={t.thePlan} retry={reloadPlan}>
            {(summary) => (summary === null ? <p className="empty">{t.noPlan}</p> : <PlanInBrief summary={summary} t={t} language={language} />)}
          </FamilyShow>
        </Section>
        <FamilyThread patientId={patient.id} session={session} t={t} language={language} />
        <VitalsEntry patientId={patient.id} patientName={fullName(patient)} t={t} />
      </div>
    </article>
  );
}

function PlanInBrief({
  summary,
  t,
  language,
}: {
  summary: { signedAt: string; content: CarePlanContent };
  t: Strings;
  language: Language;
}) {
  const words = planInWords(summary.content.frequency, language);
  return (
    <>
      <p>{t.signed(dateIn(language, summary.signedAt?.slice(0, 10)))}</p>
      <h3>{t.visitPlan}</h3>
      {words ? (
        <ul className="list plan-words">
          {words.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p className="hint">{t.asWritten(summary.content.frequency)}</p>
      {summary.content.problems.length > 0 && <p>{t.problemsNote}</p>}
      <ul className="list">
        {summary.content.problems.map((p) => (
          <li key={p.description}>
            {p.description}
            <ul>
              {p.goals.map((g) => (
                <li key={g.description}>
                  {g.description} ({t.goalsBy(dateIn(language, g.targetDate))})
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

type ThreadMessage = Message & { notice?: FamilyNotice | null };

function FamilyThread({ patientId, session, t, language }: Props & { patientId: string }) {
  const inputId = useId();
  const [text, setText] = useState('');
  const [sendError, setSendError] = useState<string | null>(null);
  const [thread, reload, refresh] = useLoad(async () => {
    const [family] = await threadsOf(patientId, 'FAMILY');
    if (!family) return null;
    // the newest 30 are enough here: the portal shows the recent conversation, the staff inbox keeps the history
    const messages = await api<ThreadMessage[]>(`/messaging/v1/threads/${family.id}/messages?size=30`);
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
      setSendError(e instanceof Error ? e.message : t.notSent);
    }
  };
  const author = (m: ThreadMessage) => (m.author === session.subject ? t.you : m.author === 'system' ? t.notice : t.careTeam);
  const body = (m: ThreadMessage) => (m.deleted ? t.deleted : m.notice ? noticeText(m.notice, t, language) ?? m.body : m.body);
  return (
    <Section id={`thread-${patientId}`} title={t.familyMessages}>
      <FamilyShow t={t} loaded={thread} what={t.messages} retry={reload}>
        {(th) =>
          th === null ? (
            <p className="empty">{t.messagesNotShared}</p>
          ) : (
            <>
              {th.messages.length === 0 ? (
                <p className="empty">{t.noMessages}</p>
              ) : (
                <ul className="messages">
                  {th.messages.map((m) => (
                    <li key={m.id} className={m.author === session.subject ? 'mine' : m.notice ? 'system-notice' : undefined}>
                      <span className="meta">
                        {author(m)} · {dateTimeIn(language, m.sentAt)}
                      </span>
                      <span>{body(m)}</span>
                    </li>
                  ))}
                </ul>
              )}
              <form onSubmit={send} className="compose">
                <label htmlFor={inputId}>{t.writeToTeam}</label>
                <textarea id={inputId} value={text} maxLength={4000} onChange={(e) => setText(e.target.value)} rows={3} />
                <button type="submit" disabled={!text.trim()}>
                  {t.send}
                </button>
                {sendError && <p role="alert">{sendError}</p>}
              </form>
            </>
          )
        }
      </FamilyShow>
    </Section>
  );
}
