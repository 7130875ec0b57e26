import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, api, isoDate, post } from '../api';
import { Section, Show, formatDate, useLoad } from '../shell/states';
import { PARTS, PART_WORDS, grantProblems, grantRequest, grantState, type GrantForm, type Part, type SharingGrant } from './sharing';

/**
 * The patient's consents to share with another agency: the agency, the parts and the last day; and revocation, which
 * ends the sharing at once. A coordinator records the patient's signed consent by its reference; the care circle's
 * point of contact ({@code byPointOfContact}) gives the consent themselves, in the family portal.
 */
export function SharingGrants({ patientId, byPointOfContact = false }: { patientId: string; byPointOfContact?: boolean }) {
  const id = useId();
  const path = `/patients/v1/patients/${encodeURIComponent(patientId)}/sharing-grants`;
  const [grants, reload] = useLoad(() => api<SharingGrant[]>(path), [path]);
  const [form, setForm] = useState<GrantForm>({ agency: '', parts: [], until: '', consentDocument: '' });
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const share = async (e: FormEvent) => {
    e.preventDefault();
    const found = grantProblems(form, isoDate(), !byPointOfContact);
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    key.current ??= crypto.randomUUID();
    try {
      await api(path, { method: 'POST', headers: { 'Idempotency-Key': key.current }, body: JSON.stringify(grantRequest(form)) });
      key.current = null;
      setForm({ agency: '', parts: [], until: '', consentDocument: '' });
      reload();
    } catch (err) {
      setProblems([err instanceof ApiError ? err.message : 'The consent could not be recorded.']);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (grant: SharingGrant) => {
    try {
      await post(`${path}/${encodeURIComponent(grant.id)}/revoke`);
      reload();
    } catch (err) {
      setProblems([err instanceof ApiError ? err.message : 'The sharing could not be revoked.']);
    }
  };
  const toggle = (part: Part, on: boolean) =>
    setForm({ ...form, parts: on ? [...form.parts, part] : form.parts.filter((p) => p !== part) });
  return (
    <Section id="sharing" title="Sharing with other agencies">
      <Show loaded={grants} what="the sharing consents" retry={reload} isEmpty={(l) => l.length === 0} empty="Nothing is shared with another agency.">
        {(list) => (
          <ul className="list" aria-label="Sharing consents">
            {list.map((g) => (
              <li key={g.id}>
                <strong>{g.agency}</strong>: {g.parts.map((p) => PART_WORDS[p]).join(', ')} until {formatDate(g.until)} ({grantState(g)})
                {g.consentDocument && <> · consent {g.consentDocument}</>}{' '}
                {!g.revokedAt && (
                  <button type="button" className="secondary" onClick={() => revoke(g)}>
                    Revoke sharing with {g.agency}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Show>
      <form onSubmit={share} noValidate aria-labelledby={`${id}-title`} className="inline-form">
        <h3 id={`${id}-title`}>{byPointOfContact ? 'Share with another agency' : 'Record a consent to share'}</h3>
        <div className="field">
          <label htmlFor={`${id}-agency`}>Agency (short name)</label>
          <input id={`${id}-agency`} value={form.agency} onChange={(e) => setForm({ ...form, agency: e.target.value })} placeholder="riverbend" />
        </div>
        <fieldset>
          <legend>Parts to share</legend>
          {PARTS.map((p) => (
            <label key={p} className="check">
              <input type="checkbox" checked={form.parts.includes(p)} onChange={(e) => toggle(p, e.target.checked)} /> {PART_WORDS[p]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-until`}>Until (last day)</label>
          <input id={`${id}-until`} type="date" value={form.until} min={isoDate()} onChange={(e) => setForm({ ...form, until: e.target.value })} />
        </div>
        {byPointOfContact ? (
          <p className="hint">By sharing you give your consent as the patient&apos;s point of contact. You can revoke it here at any time.</p>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-consent`}>Consent document (reference)</label>
            <input id={`${id}-consent`} value={form.consentDocument} onChange={(e) => setForm({ ...form, consentDocument: e.target.value })} />
          </div>
        )}
        <button type="submit" disabled={busy}>
          Share
        </button>
        {problems.length > 0 && (
          <div role="alert" className="error">
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        )}
      </form>
    </Section>
  );
}
