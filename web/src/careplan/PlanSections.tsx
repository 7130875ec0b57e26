// The parts of the plan editor's form, each a fieldset with its own legend, so a screen reader says which entry a
// field belongs to ("Medication 2: Lisinopril, Dose").
import { useId } from 'react';
import { EQUIPMENT_STATUSES, ROUTES, emptyMedication, emptyProblem, type DraftForm, type MedicationRow, type ProblemRow } from './draftForm';
import { humanType } from '../coordinator/dashboard';

type Change = (next: Partial<DraftForm>) => void;

function replaceAt<T>(list: T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

export function LinesField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="lines-field">
      <label htmlFor={id}>{label} (one per line)</label>
      <textarea id={id} rows={Math.max(3, value.split('\n').length + 1)} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function MedicationsEditor({ rows, onChange, today }: { rows: MedicationRow[]; onChange: Change; today: string }) {
  const set = (i: number, patch: Partial<MedicationRow>) => onChange({ medications: replaceAt(rows, i, { ...rows[i], ...patch }) });
  return (
    <div className="entries">
      {rows.length === 0 && <p className="empty">No medication.</p>}
      {rows.map((m, i) => (
        <fieldset key={i} className="entry">
          <legend>
            Medication {i + 1}
            {m.name.trim() ? `: ${m.name.trim()}` : ''}
          </legend>
          <Field label="Name" value={m.name} onChange={(v) => set(i, { name: v })} />
          <Field label="Dose" value={m.dose} onChange={(v) => set(i, { dose: v })} />
          <Choice label="Route" value={m.route} options={ROUTES} onChange={(v) => set(i, { route: v })} />
          <Field label="Times of day" value={m.times} onChange={(v) => set(i, { times: v })} />
          <Field label="Start" type="date" value={m.start} onChange={(v) => set(i, { start: v })} />
          <Field label="Stop (optional)" type="date" value={m.stop} onChange={(v) => set(i, { stop: v })} />
          <button type="button" className="secondary" onClick={() => onChange({ medications: rows.filter((_, j) => j !== i) })}>
            Remove {m.name.trim() || `medication ${i + 1}`}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange({ medications: [...rows, emptyMedication(today)] })}>
        Add a medication
      </button>
    </div>
  );
}

export function ProblemsEditor({ rows, onChange }: { rows: ProblemRow[]; onChange: Change }) {
  const set = (i: number, next: ProblemRow) => onChange({ problems: replaceAt(rows, i, next) });
  return (
    <div className="entries">
      {rows.map((p, i) => (
        <fieldset key={i} className="entry">
          <legend>
            Problem {i + 1}
            {p.description.trim() ? `: ${p.description.trim()}` : ''}
          </legend>
          <Field label="Problem" wide value={p.description} onChange={(v) => set(i, { ...p, description: v })} />
          {p.goals.map((g, j) => (
            <fieldset key={j} className="goal">
              <legend>Goal {j + 1}</legend>
              <Field label="Goal" wide value={g.description} onChange={(v) => set(i, { ...p, goals: replaceAt(p.goals, j, { ...g, description: v }) })} />
              <Field label="Measured by" wide value={g.measure} onChange={(v) => set(i, { ...p, goals: replaceAt(p.goals, j, { ...g, measure: v }) })} />
              <Field label="Target date" type="date" value={g.targetDate} onChange={(v) => set(i, { ...p, goals: replaceAt(p.goals, j, { ...g, targetDate: v }) })} />
            </fieldset>
          ))}
          <button type="button" className="secondary" onClick={() => set(i, { ...p, goals: [...p.goals, { description: '', measure: '', targetDate: '' }] })}>
            Add a goal to problem {i + 1}
          </button>
          <button type="button" className="secondary" onClick={() => onChange({ problems: rows.filter((_, j) => j !== i) })}>
            Remove problem {i + 1}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange({ problems: [...rows, emptyProblem()] })}>
        Add a problem
      </button>
    </div>
  );
}

export function EquipmentEditor({ rows, onChange }: { rows: DraftForm['equipment']; onChange: Change }) {
  return (
    <div className="entries">
      {rows.length === 0 && <p className="empty">No equipment.</p>}
      {rows.map((e, i) => (
        <fieldset key={i} className="entry compact">
          <legend>
            Equipment {i + 1}
            {e.item.trim() ? `: ${e.item.trim()}` : ''}
          </legend>
          <Field label="Item" value={e.item} onChange={(v) => onChange({ equipment: replaceAt(rows, i, { ...e, item: v }) })} />
          <Choice label="Status" value={e.status} options={EQUIPMENT_STATUSES} onChange={(v) => onChange({ equipment: replaceAt(rows, i, { ...e, status: v }) })} />
          <button type="button" className="secondary" onClick={() => onChange({ equipment: rows.filter((_, j) => j !== i) })}>
            Remove {e.item.trim() || `equipment ${i + 1}`}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange({ equipment: [...rows, { item: '', status: 'NEEDED' }] })}>
        Add equipment
      </button>
    </div>
  );
}

export function Field({ label, value, onChange, type = 'text', wide = false }: { label: string; value: string; onChange: (v: string) => void; type?: string; wide?: boolean }) {
  const id = useId();
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function Choice({ label, value, options, onChange }: { label: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {humanType(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
