import type { Persona } from '../access';
import { Link } from '../shell/router';
import '../careplan/editor.css';

/** From the chart to the care-planning pages: the plan editor, the care team and circle, the huddles. */
export function CareWorkLinks({ patientId, persona }: { patientId: string; persona: Persona }) {
  if (persona !== 'coordinator' && persona !== 'clinician') return null;
  const id = encodeURIComponent(patientId);
  return (
    <nav aria-label="Care planning">
      <ul className="care-links">
        <li>
          <Link to={`/patients/${id}/plan`}>Edit the plan of care</Link>
        </li>
        {persona === 'coordinator' && (
          <li>
            <Link to={`/patients/${id}/team`}>Care team and circle</Link>
          </li>
        )}
        <li>
          <Link to={`/patients/${id}/huddles`}>Huddles</Link>
        </li>
      </ul>
    </nav>
  );
}
