// A notice to the family (messaging-service posts it when the plan is signed or a visit is booked, moved or
// cancelled) worded in the reader's language from its facts; the English body is the fallback for kinds unknown here.
import { dateIn, dateTimeIn, disciplineIn, type Language, type Strings } from './i18n';

export interface FamilyNotice {
  kind: 'PLAN_SIGNED' | 'VISIT_SCHEDULED' | 'VISIT_RESCHEDULED' | 'VISIT_CANCELLED' | string;
  scope?: string | null;
  discipline?: string | null;
  at?: string | null;
  previousAt?: string | null;
  planVersion?: number | null;
}

export function noticeText(notice: FamilyNotice, t: Strings, language: Language): string | null {
  const text = worded(notice, t, language);
  // Spanish times end in "a.m."/"p.m.": the sentence's own full stop is not doubled
  return text === null ? null : text.replace(/\.\.$/, '.');
}

function worded(notice: FamilyNotice, t: Strings, language: Language): string | null {
  const discipline = disciplineIn(t, notice.discipline ?? '');
  switch (notice.kind) {
    case 'PLAN_SIGNED':
      return notice.planVersion != null ? t.planSigned(notice.planVersion, dateIn(language, notice.at)) : null;
    case 'VISIT_SCHEDULED':
      return t.visitBooked(discipline, dateTimeIn(language, notice.at));
    case 'VISIT_RESCHEDULED':
      return t.visitMoved(discipline, dateTimeIn(language, notice.previousAt), dateTimeIn(language, notice.at));
    case 'VISIT_CANCELLED':
      return t.visitCancelled(discipline, dateTimeIn(language, notice.at));
    default:
      return null;
  }
}
