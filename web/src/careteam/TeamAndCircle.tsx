import { api } from '../api';
import { Link } from '../shell/router';
import { Show, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { CareTeamEditor } from './CareTeamEditor';
import { CareCircleEditor } from './CareCircleEditor';
import { SharingGrants } from '../sharing/SharingGrants';
import '../careplan/editor.css';

/** The coordinator's page for who cares for a patient: the care team (staff) and the care circle (family, consent). */
export function TeamAndCircle({ patientId }: { patientId: string }) {
  const id = encodeURIComponent(patientId);
  const [patient, reload] = useLoad(() => api<Patient>(`/patients/v1/patients/${id}`), [id]);
  return (
    <>
      <p>
        <Link to={`/patients/${id}`}>← Back to the chart</Link>
      </p>
      <Show loaded={patient} what="the patient" retry={reload}>
        {(p) => (
          <>
            <h1>Care team and circle: {fullName(p)}</h1>
            <div className="care-page">
              <CareTeamEditor patientId={patientId} />
              <CareCircleEditor patientId={patientId} />
              <SharingGrants patientId={patientId} />
            </div>
          </>
        )}
      </Show>
    </>
  );
}
