import { Link } from '../shell/router';
import { useLoad } from '../shell/states';
import { SharingGrants } from '../sharing/SharingGrants';
import { read } from '../typedApi';
import { fullName } from '../types';

/**
 * The point of contact's page "Share Jane's record with another agency" (hospice, a supply company): the parts, the
 * agency and the last day; the consent is theirs, and so is the revocation. The service checks that the caller is the
 * point of contact (anyone else in the circle is refused).
 */
export function FamilySharing({ patientId }: { patientId: string }) {
  const [patient] = useLoad(() => read('/api/patients/v1/patients/{patientId}', { path: { patientId } }), [patientId]);
  const first = patient.state === 'ready' ? patient.data.givenName : 'the patient';
  return (
    <>
      <p>
        <Link to="/family">← Family portal</Link>
      </p>
      <h1>Share {first}&apos;s record with another agency</h1>
      <p className="lead">
        Another agency caring for {patient.state === 'ready' ? fullName(patient.data) : 'the patient'} (for example a hospice)
        can read the parts you choose until the day you choose. Nothing else is shared.
      </p>
      <SharingGrants patientId={patientId} byPointOfContact />
    </>
  );
}
