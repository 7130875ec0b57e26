import { useId, useRef, useState } from 'react';
import { ApiError, api, apiVersioned, apiVersionedWrite } from '../api';
import { Section, Show, formatDateTime, useLoad } from '../shell/states';
import {
  SCOPES,
  SCOPE_WORDS,
  circleProblems,
  circleRequest,
  invitationFor,
  invitationProblems,
  setPointOfContact,
  toggleScope,
  type CircleMember,
  type Invitation,
} from './team';

/**
 * The family care circle and each member's consent: what they may see (scopes), who the team calls first, adding
 * and removing members, and inviting a member to sign in (a family account in the agency, linked to the member).
 * Saved whole with the ETag read (If-Match); the service records who granted a changed consent, and when.
 */
export function CareCircleEditor({ patientId }: { patientId: string }) {
  const path = `/patients/v1/patients/${encodeURIComponent(patientId)}/care-circle`;
  const [loaded, reload, refresh] = useLoad(() => apiVersioned<{ members: CircleMember[] }>(path), [path]);
  return (
    <Section id="circle-editor" title="Care circle and consent">
      <Show loaded={loaded} what="the care circle" retry={reload}>
        {({ body, etag }) => <CircleForm key={etag} path={path} initial={body.members} etag={etag} onInvited={refresh} />}
      </Show>
    </Section>
  );
}

function CircleForm({ path, initial, etag: firstEtag, onInvited }: { path: string; initial: CircleMember[]; etag: string; onInvited: () => void }) {
  const id = useId();
  const [members, setMembers] = useState(initial);
  const [etag, setEtag] = useState(firstEtag);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [newName, setNewName] = useState('');
  const [newRelationship, setNewRelationship] = useState('');
  const update = (next: CircleMember[]) => {
    setMembers(next);
    setDirty(true);
    setMessage(null);
  };
  const save = async () => {
    const found = circleProblems(members);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const saved = await apiVersionedWrite<{ members: CircleMember[] }>(path, {
        method: 'PUT',
        headers: { 'If-Match': etag },
        body: JSON.stringify(circleRequest(members)),
      });
      setMembers(saved.body.members);
      setEtag(saved.etag);
      setDirty(false);
      setMessage('The care circle and its consents are saved.');
    } catch (e) {
      setProblems([e instanceof ApiError ? e.message : 'The care circle could not be saved.']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {members.length === 0 && <p className="empty">No family member or caregiver yet.</p>}
      <div className="entries">
        {members.map((m, i) => (
          <fieldset key={(m.subject ?? '') + i} className="entry">
            <legend>
              {m.displayName || `Member ${i + 1}`} ({m.relationship || 'relationship not given'})
            </legend>
            <div className="field">
              <label htmlFor={`${id}-rel-${i}`}>Relationship</label>
              <input id={`${id}-rel-${i}`} value={m.relationship} onChange={(e) => update(members.map((x, j) => (j === i ? { ...x, relationship: e.target.value } : x)))} />
            </div>
            <label>
              <input type="radio" name={`${id}-contact`} checked={m.pointOfContact} onChange={() => update(setPointOfContact(members, i))} /> Point of contact
            </label>
            <fieldset className="scopes">
              <legend>{m.displayName} may see:</legend>
              {SCOPES.map((s) => (
                <label key={s}>
                  <input type="checkbox" checked={m.scopes.includes(s)} onChange={(e) => update(toggleScope(members, i, s, e.target.checked))} /> {SCOPE_WORDS[s]}
                </label>
              ))}
            </fieldset>
            <p className="hint">
              {m.subject ? 'Signs in to the family portal.' : 'Has no sign-in yet.'}
              {m.consentGrantedAt ? ` Consent recorded ${formatDateTime(m.consentGrantedAt)}.` : ''}
            </p>
            <button type="button" className="secondary" onClick={() => update(members.filter((_, j) => j !== i))}>
              Remove {m.displayName || `member ${i + 1}`}
            </button>
            {!m.subject && m.displayName && <Invite path={path} member={m} blocked={dirty} onInvited={onInvited} />}
          </fieldset>
        ))}
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-new-name`}>New member's name</label>
          <input id={`${id}-new-name`} value={newName} onChange={(e) => setNewName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new-rel`}>Relationship</label>
          <input id={`${id}-new-rel`} value={newRelationship} onChange={(e) => setNewRelationship(e.target.value)} />
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!newName.trim() || !newRelationship.trim()}
          onClick={() => {
            update([...members, { subject: null, displayName: newName.trim(), relationship: newRelationship.trim(), pointOfContact: members.length === 0, scopes: [] }]);
            setNewName('');
            setNewRelationship('');
          }}
        >
          Add to the circle
        </button>
      </div>
      <p className="hint">A new member sees nothing until you tick what they may see and save.</p>
      <div className="editor-actions">
        <button type="button" onClick={save} disabled={busy || !dirty}>
          Save the care circle
        </button>
      </div>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {problems.length > 0 && (
        <div role="alert" className="error">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </>
  );
}

/** Invites one member to sign in; a retry of the same invitation carries the same Idempotency-Key (no second account). */
function Invite({ path, member, blocked, onInvited }: { path: string; member: CircleMember; blocked: boolean; onInvited: () => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [invitation, setInvitation] = useState<Invitation>(() => invitationFor(member));
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  if (!open) {
    return (
      <button type="button" className="secondary" disabled={blocked} onClick={() => setOpen(true)} title={blocked ? 'Save the circle first' : undefined}>
        Invite {member.displayName} to sign in
      </button>
    );
  }
  const send = async () => {
    const found = invitationProblems(invitation);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    key.current ??= crypto.randomUUID();
    try {
      await api(`${path}/invitations`, {
        method: 'POST',
        headers: { 'Idempotency-Key': key.current },
        body: JSON.stringify({ displayName: member.displayName, email: invitation.email.trim(), givenName: invitation.givenName.trim(), familyName: invitation.familyName.trim() }),
      });
      key.current = null;
      onInvited();
    } catch (e) {
      setProblems([e instanceof ApiError ? e.message : 'The invitation could not be sent.']);
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof Invitation, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} type={type} value={invitation[name]} onChange={(e) => setInvitation({ ...invitation, [name]: e.target.value })} />
    </div>
  );
  return (
    <div className="inline-form" role="group" aria-label={`Invite ${member.displayName} to sign in`}>
      {field('email', 'E-mail (the sign-in name)', 'email')}
      {field('givenName', 'Given name')}
      {field('familyName', 'Family name')}
      <button type="button" onClick={send} disabled={busy}>
        Send the invitation
      </button>
      {problems.length > 0 && (
        <div role="alert" className="error">
          {problems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
    </div>
  );
}
