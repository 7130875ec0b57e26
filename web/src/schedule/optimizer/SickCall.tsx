import { useState, type FormEvent } from 'react';
import { clinicianDiscipline, type RosterClinician } from '../board';

/**
 * "Clinician called in sick": who and which day. The panel records the day off and starts the repair; this form only
 * asks.
 */
export function SickCallForm({
  clinicians,
  defaultDay,
  minDay,
  busy,
  onSickCall,
}: {
  clinicians: RosterClinician[];
  defaultDay: string;
  minDay: string;
  busy: boolean;
  onSickCall: (clinician: RosterClinician, day: string) => void;
}) {
  const [clinicianId, setClinicianId] = useState('');
  const [day, setDay] = useState(defaultDay);
  const active = clinicians.filter((c) => c.active !== false);
  const chosen = active.find((c) => c.id === clinicianId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen && day) onSickCall(chosen, day);
  };
  return (
    <form className="booking-form sick-call" aria-labelledby="sick-call-title" onSubmit={submit}>
      <h3 id="sick-call-title">Clinician called in sick</h3>
      <p className="muted">
        The day becomes time off on the roster, and a repair plan moves only that clinician&apos;s visits; every other
        booking stays where it is.
      </p>
      <label>
        Sick clinician
        <select value={clinicianId} onChange={(e) => setClinicianId(e.target.value)} required>
          <option value="">Choose a clinician</option>
          {active.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} ({clinicianDiscipline(c.discipline)})
            </option>
          ))}
        </select>
      </label>
      <label>
        Sick day
        <input type="date" value={day} min={minDay} onChange={(e) => setDay(e.target.value)} required />
      </label>
      <button type="submit" disabled={busy || !chosen || !day}>
        Plan around the sick call
      </button>
    </form>
  );
}
