import { useId, useState } from 'react';
import { allPages, api, type Page } from '../api';
import { Pager } from '../shell/Pager';
import { Link } from '../shell/router';
import { Show, formatDate, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { humanType } from '../coordinator/dashboard';

export function matches(p: Patient, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || fullName(p).toLowerCase().includes(q) || `${p.familyName}, ${p.givenName}`.toLowerCase().includes(q);
}

const PAGE_SIZE = 50;

/**
 * The patients the caller may list, a page at a time from the server (sorted by family name). The endpoint has no
 * name search, so a search reads every patient once (all pages, bounded) and matches here: never only the first page.
 */
export function PatientList() {
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const searchId = useId();
  const searching = query.trim() !== '';
  const [listed, reload] = useLoad(() => api<Page<Patient>>(`/patients/v1/patients?page=${page}&size=${PAGE_SIZE}`), [page], { keep: true });
  const [everyone, reloadEveryone] = useLoad(
    () => (searching ? allPages<Patient>('/patients/v1/patients', { what: 'patients' }) : Promise.resolve([])),
    [searching],
  );
  return (
    <>
      <h1>Patients</h1>
      <div className="search">
        <label htmlFor={searchId}>Search by name</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      {searching && everyone.state === 'loading' && listed.state === 'ready' ? (
        // while every patient is read, the page on screen is searched at once: typing never blanks the list
        <>
          <p role="status">Searching all patients…</p>
          <PatientTable patients={listed.data.items.filter((p) => matches(p, query))} />
        </>
      ) : searching ? (
        <Show loaded={everyone} what="patients" retry={reloadEveryone}>
          {(list) => {
            const shown = list.filter((p) => matches(p, query));
            return shown.length === 0 ? (
              <p className="empty">No patient matches “{query}”.</p>
            ) : (
              <>
                <p role="status">
                  {shown.length} of {list.length} patients match.
                </p>
                <PatientTable patients={shown} />
              </>
            );
          }}
        </Show>
      ) : (
        <Show loaded={listed} what="patients" retry={reload} isEmpty={(p) => p.totalItems === 0} empty="No patients are shared with you yet.">
          {(result) => (
            <>
              <PatientTable patients={result.items} />
              <Pager page={result} noun="patients" label="Pages of patients" onPage={setPage} />
            </>
          )}
        </Show>
      )}
    </>
  );
}

function PatientTable({ patients }: { patients: Patient[] }) {
  return (
    <table>
      <caption className="visually-hidden">Patients</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Born</th>
          <th scope="col">City</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {patients.map((p) => (
          <tr key={p.id}>
            <td>
              <Link to={`/patients/${p.id}`}>
                {p.familyName}, {p.givenName}
              </Link>
            </td>
            <td>{formatDate(p.birthDate)}</td>
            <td>{p.address?.city ?? '—'}</td>
            <td>{humanType(p.status)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
