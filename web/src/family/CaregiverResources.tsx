import { ApiError, api, type Page } from '../api';
import { Section, Show, useLoad } from '../shell/states';
import { groupResources, safeUrl, type CaregiverResource } from './resources';

/** The agency's resources for family caregivers (respite, support groups, education), grouped by kind. */
export function CaregiverResources() {
  const [resources, reload] = useLoad(() =>
    api<Page<CaregiverResource>>('/patients/v1/agency/caregiver-resources?size=100').then(
      (page) => page.items,
      (e: unknown) => {
        // the service answers 404 until it offers the list: not an error the person can do anything about
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      },
    ),
  );
  return (
    <Section id="caregiver-resources" title="Resources for caregivers">
      <Show loaded={resources} what="caregiver resources" retry={reload}>
        {(items) =>
          items === null ? (
            <p className="empty">Caregiver resources are not available yet. Please ask the agency.</p>
          ) : items.length === 0 ? (
            <p className="empty">The agency has not shared any caregiver resources yet.</p>
          ) : (
            groupResources(items).map((group) => (
              <div key={group.category} className="resource-group">
                <h3>{group.title}</h3>
                <ul className="list">
                  {group.items.map((r) => {
                    const url = safeUrl(r.url);
                    return (
                      <li key={r.id}>
                        <strong>{r.title}</strong>
                        {r.description && <> — {r.description}</>}
                        {r.contact && <> Contact: {r.contact}.</>}
                        {url && (
                          <>
                            {' '}
                            <a href={url} target="_blank" rel="noopener noreferrer">
                              {r.title} (website, opens in a new tab)
                            </a>
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </div>
            ))
          )
        }
      </Show>
    </Section>
  );
}
