import { DraftsToSign } from './DraftsToSign';
import { AlertInbox } from './AlertInbox';
import { UrgentMessages } from '../messages/Urgent';

/** Plans waiting for the physician's signature, and open alerts to acknowledge and resolve. */
export function PhysicianInbox() {
  return (
    <>
      <h1>Signatures and alerts</h1>
      <div className="grid">
        <UrgentMessages />
        <DraftsToSign />
        <AlertInbox />
      </div>
    </>
  );
}
