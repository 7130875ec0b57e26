import { useState } from 'react';
import { api, type Page } from '../api';
import { Pager } from '../shell/Pager';
import { Link } from '../shell/router';
import { Show, formatDateTime, useLoad } from '../shell/states';
import { STATUSES, diagnosisSummary, prospectName, referrer, statusLabel, type Referral, type ReferralStatus } from './referrals';
import './intake.css';

const SIZE = 50;

/** The coordinator's referral inbox: one status at a time, newest first, each referral opening its decision page. */
export function ReferralInbox() {
  const [status, setStatus] = useState<ReferralStatus | 'ALL'>('RECEIVED');
  const [page, setPage] = useState(0);
  const [referrals, reload] = useLoad(
    () => api<Page<Referral>>(`/patients/v1/referrals?${status === 'ALL' ? '' : `status=${status}&`}page=${page}&size=${SIZE}`),
    [status, page],
  );
  const choose = (next: ReferralStatus | 'ALL') => {
    setStatus(next);
    setPage(0);
  };
  const shown = status === 'ALL' ? 'all referrals' : `${statusLabel(status).toLowerCase()} referrals`;
  return (
    <>
      <h1>Referral inbox</h1>
      <div className="status-filter" role="group" aria-label="Show referrals">
        {[...STATUSES, { status: 'ALL' as const, label: 'All' }].map((s) => (
          <button key={s.status} type="button" className={status === s.status ? '' : 'secondary'} aria-pressed={status === s.status}
            onClick={() => choose(s.status)}>
            {s.label}
          </button>
        ))}
      </div>
      <Show loaded={referrals} what={shown} retry={reload} isEmpty={(p) => p.items.length === 0} empty={`No ${shown}.`}>
        {(p) => (
          <>
            <table className="referrals">
              <caption className="visually-hidden">{`Referrals: ${shown}, newest first`}</caption>
              <thead>
                <tr>
                  <th scope="col">Patient</th>
                  <th scope="col">Referred by</th>
                  <th scope="col">Received</th>
                  <th scope="col">Diagnoses</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {p.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/referrals/${encodeURIComponent(r.id)}`}>{prospectName(r)}</Link>
                    </td>
                    <td>{referrer(r)}</td>
                    <td>{formatDateTime(r.receivedAt)}</td>
                    <td>{diagnosisSummary(r.diagnoses)}</td>
                    <td>{statusLabel(r.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager page={p} noun="referrals" label="Pages of referrals" onPage={setPage} />
          </>
        )}
      </Show>
    </>
  );
}
