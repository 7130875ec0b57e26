import { useState } from 'react';
import { ApiError, api, post } from '../api';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { kindWords, roleWords } from './accessLog';

interface AccessQuestion {
  id: string;
  patientId: string;
  patientName?: string | null;
  askedByName: string;
  question: string;
  access: { at: string; who?: string | null; role?: string | null; organization?: string | null; kind?: string | null };
  askedAt: string;
}

/** Questions families asked about accesses to a record, for the privacy officer to answer (by phone or in person). */
export function AccessQuestions() {
  const [questions, reload] = useLoad(() => api<AccessQuestion[]>('/patients/v1/access-questions'));
  const [problem, setProblem] = useState<string | null>(null);
  const answered = async (id: string) => {
    try {
      await post(`/patients/v1/access-questions/${encodeURIComponent(id)}/answered`);
      reload();
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'That did not work. Please try again.');
    }
  };
  return (
    <Section id="access-questions" title="Questions from families">
      <Show loaded={questions} what="the questions" retry={reload} isEmpty={(l) => l.length === 0} empty="No open question.">
        {(list) => (
          <ul className="list">
            {list.map((q) => (
              <li key={q.id}>
                <p>
                  <strong>{q.askedByName}</strong> asked on {formatDateTime(q.askedAt)} about {q.access.who ?? 'someone'} (
                  {roleWords(q.access.role)}, {q.access.organization ?? '—'}) reading {kindWords(q.access.kind)} of{' '}
                  {q.patientName ?? q.patientId} on {formatDateTime(q.access.at)}:
                </p>
                <blockquote>{q.question}</blockquote>
                <button type="button" className="secondary" onClick={() => answered(q.id)}>
                  Mark answered
                </button>
              </li>
            ))}
          </ul>
        )}
      </Show>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </Section>
  );
}
