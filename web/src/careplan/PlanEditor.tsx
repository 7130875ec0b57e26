import { useState } from 'react';
import { ApiError, isoDate } from '../api';
import { Link } from '../shell/router';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import { fullName, type CarePlanVersion, type Patient } from '../types';
import { contentOf, formOf, validateDraft, type DraftForm, type FormError, type PlanContent } from './draftForm';
import { loadForEditing, saveDraft, submitDraft, type Versioned } from './editing';
import { FrequencyField } from './FrequencyField';
import { EquipmentEditor, LinesField, MedicationsEditor, ProblemsEditor } from './PlanSections';
import type { Reading } from './frequency';
import './careplan.css';
import './editor.css';

const EMPTY: PlanContent = { problems: [], interventions: [], medications: [], diet: [], equipment: [], communityServices: [], frequency: '' };

/**
 * The coordinator's plan editor: a new draft starts from the active version (nothing is stored until "Save draft"),
 * an open draft is edited where it stands; every write sends the ETag read with it (If-Match), so a draft changed by
 * someone else meanwhile is refused rather than overwritten. "Submit for signature" saves what is on screen first.
 */
export function PlanEditor({ patientId }: { patientId: string }) {
  const [loaded, reload] = useLoad(() => loadForEditing(patientId), [patientId]);
  return (
    <>
      <p>
        <Link to={`/patients/${encodeURIComponent(patientId)}`}>← Back to the chart</Link>
      </p>
      <Show loaded={loaded} what="the plan of care" retry={reload}>
        {({ versioned, patient }) => <Editor key={versioned.etag} patientId={patientId} patient={patient} initial={versioned} />}
      </Show>
    </>
  );
}

function Editor({ patientId, patient, initial }: { patientId: string; patient: Patient; initial: Versioned }) {
  const [versioned, setVersioned] = useState(initial);
  const { plan, etag } = versioned;
  const [form, setForm] = useState<DraftForm | null>(plan.draft ? formOf(plan.draft.content as PlanContent) : null);
  const [dirty, setDirty] = useState(false);
  const [reading, setReading] = useState<Reading | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = fullName(patient);
  const draft = plan.draft;

  const change = (next: Partial<DraftForm>) => {
    setForm((f) => (f ? { ...f, ...next } : f));
    setDirty(true);
    setMessage(null);
  };

  const start = () => {
    setForm(formOf((plan.active?.content as PlanContent | undefined) ?? EMPTY));
    setDirty(true);
    setMessage(null);
  };

  /** Checks the form and writes it; answers the new version, or null when something has to be fixed first. */
  const save = async (): Promise<Versioned | null> => {
    if (!form) return null;
    const errors: FormError[] = validateDraft(form);
    if (reading && !reading.valid) errors.unshift({ field: 'frequency', message: 'The visit frequency cannot be read yet; see the message under it.' });
    if (errors.length > 0) {
      setProblems(errors.map((e) => e.message));
      return null;
    }
    const saved = await saveDraft(patientId, etag, contentOf(form));
    setVersioned(saved);
    setForm(formOf(saved.plan.draft!.content as PlanContent));
    setDirty(false);
    return saved;
  };

  const act = async (what: 'save' | 'submit') => {
    setBusy(true);
    setProblems([]);
    setMessage(null);
    try {
      let current: Versioned | null = versioned;
      if (dirty || !draft) current = await save();
      if (!current) return;
      if (what === 'save') {
        setMessage(`Draft version ${current.plan.draft!.number} of ${name}'s plan is saved. It is not yet submitted for signature.`);
        return;
      }
      const submitted = await submitDraft(patientId, current.etag);
      setVersioned(submitted);
      setMessage(`Draft version ${submitted.plan.draft!.number} of ${name}'s plan is submitted for signature to the lead physician.`);
    } catch (e) {
      setProblems([e instanceof ApiError ? e.message : 'The plan could not be saved. Please try again.']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="care-page">
      <h1>Plan of care: {name}</h1>
      <Section id="plan-state" title="Versions">
        <p>
          {plan.active ? `Version ${plan.active.number} is active (signed ${formatDateTime(plan.active.signedAt)}; visits: ${plan.active.content.frequency}).` : 'No plan is signed yet.'}
        </p>
        {draft ? <DraftState draft={draft} dirty={dirty} /> : form ? <p>A new draft, started from {plan.active ? `version ${plan.active.number}` : 'an empty plan'}: nothing is saved yet.</p> : null}
        {!form && (
          <button type="button" onClick={start}>
            {plan.active ? `Start a new draft from version ${plan.active.number}` : 'Start the first plan of care'}
          </button>
        )}
      </Section>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="error">
          <p>Not done yet; please fix:</p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {form && (
        <form
          className="plan-editor"
          aria-label={`Draft plan of care for ${name}`}
          onSubmit={(e) => {
            e.preventDefault();
            void act('save');
          }}
        >
          <Section id="editor-frequency" title="Visits">
            <FrequencyField value={form.frequency} onChange={(v) => change({ frequency: v })} onReading={setReading} />
          </Section>
          <Section id="editor-medications" title="Medications">
            <MedicationsEditor rows={form.medications} onChange={change} today={isoDate()} />
          </Section>
          <Section id="editor-goals" title="Problems and therapy goals">
            <ProblemsEditor rows={form.problems} onChange={change} />
            <LinesField label="Interventions" value={form.interventions} onChange={(v) => change({ interventions: v })} />
          </Section>
          <Section id="editor-diet" title="Diet">
            <LinesField label="Diet" value={form.diet} onChange={(v) => change({ diet: v })} />
          </Section>
          <Section id="editor-equipment" title="Equipment and DME">
            <EquipmentEditor rows={form.equipment} onChange={change} />
          </Section>
          <Section id="editor-community" title="Community resources">
            <LinesField label="Community resources" value={form.communityServices} onChange={(v) => change({ communityServices: v })} />
          </Section>
          <div className="editor-actions">
            <button type="submit" disabled={busy}>
              Save draft
            </button>
            <button type="button" disabled={busy} onClick={() => void act('submit')}>
              Submit for signature
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function DraftState({ draft, dirty }: { draft: CarePlanVersion; dirty: boolean }) {
  return (
    <p>
      Draft version {draft.number}, last saved {formatDateTime(draft.authoredAt)}:{' '}
      {draft.submittedAt ? `submitted for signature ${formatDateTime(draft.submittedAt)}` : 'not yet submitted for signature'}
      {dirty ? ' — you have changes that are not saved.' : '.'}
    </p>
  );
}
