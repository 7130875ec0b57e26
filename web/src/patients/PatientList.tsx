import { useId, useState } from 'react';
import { api, type Page } from '../api';
import { Link } from '../shell/router';
import { Show, formatDate, useLoad } from '../shell/states';
import { fullName, type Patient } from '../types';
import { humanType } from '../coordinator/dashboard';

export function matches(p: Patient, query: string): boolean {
  const q = query.trim().toLowerCase();
  return q === '' || fullName(p).toLowerCase().includes(q) || `${p.familyName}, ${p.givenName}`.toLowerCase().includes(q);
}

export function PatientList() {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const [patients, reload] = useLoad(async () => (await api<Page<Patient>>('/patients/v1/patients?size=200')).items);
  return (
    <>
      <h1>Patients</h1>
      <div className="search">
        <label htmlFor={searchId}>Search by name</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
      </div>
      <Show loaded={patients} what="patients" retry={reload} isEmpty={(l) => l.length === 0} empty="No patients are shared with you yet.">
        {(list) => {
          const shown = list.filter((p) => matches(p, query));
          return shown.length === 0 ? (
            <p className="empty">No patient matches “{query}”.</p>
          ) : (
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
                {shown.map((p) => (
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
        }}
      </Show>
    </>
  );
}
