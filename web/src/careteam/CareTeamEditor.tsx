import { useId, useState } from 'react';
import { ApiError, allPages, api, apiVersioned, apiVersionedWrite } from '../api';
import { Section, Show, useLoad } from '../shell/states';
import { humanType } from '../coordinator/dashboard';
import type { Clinician } from '../types';
import { TEAM_ROLES, addMember, candidates, fromRoster, fromStaff, removeMember, setLead, setRole, teamWarnings, type Candidate, type TeamMember } from './team';

interface TeamView {
  patientId: string;
  leadPhysician?: string | null;
  members: TeamMember[];
}

/**
 * The patient's care team: remove a member, change a role, choose the lead physician (who signs the plan), add a
 * colleague from the agency's roster of clinicians or its caring staff (physicians, coordinators, case managers). Saved whole with the ETag read (If-Match).
 */
export function CareTeamEditor({ patientId }: { patientId: string }) {
  const path = `/patients/v1/patients/${encodeURIComponent(patientId)}/care-team`;
  const [loaded, reload] = useLoad(async () => {
    // without the roster or the staff list the team can still be edited, only not extended from that source
    const [team, roster, staff] = await Promise.all([
      apiVersioned<TeamView>(path),
      // the whole roster (all pages): a clinician on page 2 can join the team too
      allPages<Clinician>('/scheduling/v1/clinicians', { what: 'clinicians on the roster' }).then((l) => l.map(fromRoster), () => [] as Candidate[]),
      api<{ id: string; name: string; roles: string[] }[]>('/patients/v1/agency/care-staff').then((l) => l.map(fromStaff), () => [] as Candidate[]),
    ]);
    return { team, offered: [...roster, ...staff] };
  }, [path]);
  return (
    <Section id="team-editor" title="Care team">
      <Show loaded={loaded} what="the care team" retry={reload}>
        {({ team, offered }) => <TeamForm key={team.etag} path={path} initial={team.body.members} etag={team.etag} offered={offered} />}
      </Show>
    </Section>
  );
}

function TeamForm({ path, initial, etag: firstEtag, offered }: { path: string; initial: TeamMember[]; etag: string; offered: Candidate[] }) {
  const id = useId();
  const [members, setMembers] = useState(initial);
  const [etag, setEtag] = useState(firstEtag);
  const [dirty, setDirty] = useState(false);
  const [pick, setPick] = useState('');
  const [pickRole, setPickRole] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const others = candidates(offered, members);
  const update = (next: TeamMember[]) => {
    setMembers(next);
    setDirty(true);
    setMessage(null);
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = await apiVersionedWrite<{ members: TeamMember[] }>(path, {
        method: 'PUT',
        headers: { 'If-Match': etag },
        body: JSON.stringify({ members }),
      });
      setMembers(saved.body.members);
      setEtag(saved.etag);
      setDirty(false);
      setMessage(`The care team is saved (${saved.body.members.length} members).`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The care team could not be saved.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {members.length === 0 ? (
        <p className="empty">Nobody is on the care team yet.</p>
      ) : (
        <table className="team-table">
          <caption className="visually-hidden">Care team members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role on this team</th>
              <th scope="col">Lead physician</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.subject}>
                <th scope="row">{m.displayName}</th>
                <td>
                  <select aria-label={`Role of ${m.displayName}`} value={m.role} onChange={(e) => update(setRole(members, m.subject, e.target.value))}>
                    {TEAM_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {humanType(r)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {m.role === 'PHYSICIAN' ? (
                    <label>
                      <input type="radio" name={`${id}-lead`} checked={m.lead} onChange={() => update(setLead(members, m.subject))} /> Lead
                      <span className="visually-hidden"> physician: {m.displayName}</span>
                    </label>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => update(removeMember(members, m.subject))}>
                    Remove {m.displayName}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {members.length > 0 && teamWarnings(members).map((w) => <p key={w} className="hint">{w}</p>)}
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-pick`}>Colleague to add</label>
          <select
            id={`${id}-pick`}
            value={pick}
            onChange={(e) => {
              setPick(e.target.value);
              const c = others.find((o) => o.subject === e.target.value);
              setPickRole(c ? c.role : '');
            }}
          >
            <option value="">{others.length === 0 ? 'Everyone who could join is on the team' : 'Choose a colleague'}</option>
            {others.map((c) => (
              <option key={c.subject} value={c.subject}>
                {c.name} ({c.what})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select id={`${id}-role`} value={pickRole} onChange={(e) => setPickRole(e.target.value)} disabled={!pick}>
            <option value="">—</option>
            {TEAM_ROLES.map((r) => (
              <option key={r} value={r}>
                {humanType(r)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="secondary"
          disabled={!pick || !pickRole}
          onClick={() => {
            const c = others.find((o) => o.subject === pick);
            if (c) update(addMember(members, c, pickRole));
            setPick('');
            setPickRole('');
          }}
        >
          Add to the team
        </button>
      </div>
      <div className="editor-actions">
        <button type="button" onClick={save} disabled={busy || !dirty}>
          Save the care team
        </button>
      </div>
      {message && (
        <p role="status" className="notice">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </>
  );
}
