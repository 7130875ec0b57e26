import { ApiError, allPages } from '../api';
import { Section, useLoad } from '../shell/states';
import { groupResources, safeUrl, type CaregiverResource } from './resources';
import { STRINGS, type Strings } from './i18n';
import { FamilyShow } from './FamilyShow';

/** The agency's resources for family caregivers (respite, support groups, education), grouped by kind. */
export function CaregiverResources({ t = STRINGS.en }: { t?: Strings }) {
  const [resources, reload] = useLoad(() =>
    // every resource (all pages), grouped by kind below: a group cut at a page boundary would look complete
    allPages<CaregiverResource>('/patients/v1/agency/caregiver-resources', { what: 'caregiver resources' }).catch((e: unknown) => {
      // the service answers 404 until it offers the list: not an error the person can do anything about
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }),
  );
  return (
    <Section id="caregiver-resources" title={t.resources}>
      <FamilyShow t={t} loaded={resources} what={t.caregiverResources} retry={reload}>
        {(items) =>
          items === null ? (
            <p className="empty">{t.resourcesUnavailable}</p>
          ) : items.length === 0 ? (
            <p className="empty">{t.noResources}</p>
          ) : (
            groupResources(items).map((group) => (
              <div key={group.category} className="resource-group">
                <h3>{t.categories[group.category] ?? (group.title === 'Other' ? t.categories.OTHER : undefined) ?? group.title}</h3>
                <ul className="list">
                  {group.items.map((r) => {
                    const url = safeUrl(r.url);
                    return (
                      <li key={r.id}>
                        <strong>{r.title}</strong>
                        {r.description && <> — {r.description}</>}
                        {r.contact && <> {t.contact(r.contact)}</>}
                        {url && (
                          <>
                            {' '}
                            <a href={url} target="_blank" rel="noopener noreferrer">
                              {t.website(r.title)}
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
      </FamilyShow>
    </Section>
  );
}
