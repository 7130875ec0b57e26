import { api, type Page } from '../api';
import { Show, formatDate, useLoad } from '../shell/states';
import { discipline, type PriorAuthorization } from '../types';
import { humanType } from '../coordinator/dashboard';
import { ClaimReadiness } from './ClaimReadiness';

export function Authorizations() {
  const [list, reload] = useLoad(async () => (await api<Page<PriorAuthorization>>('/billing/v1/authorizations?size=200')).items);
  return (
    <>
      <h1>Prior authorizations</h1>
      <Show loaded={list} what="authorizations" retry={reload} isEmpty={(l) => l.length === 0} empty="No authorizations yet.">
        {(items) => (
          <table>
            <caption className="visually-hidden">Prior authorizations</caption>
            <thead>
              <tr>
                <th scope="col">Discipline</th>
                <th scope="col">Status</th>
                <th scope="col">Units used / approved</th>
                <th scope="col">Dates</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td>{discipline(a.discipline)}</td>
                  <td>{humanType(a.status)}</td>
                  <td>
                    {a.unitsUsed} / {a.approvedUnits ?? '—'}
                  </td>
                  <td>
                    {formatDate(a.from)} – {formatDate(a.to)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <ClaimReadiness />
    </>
  );
}
