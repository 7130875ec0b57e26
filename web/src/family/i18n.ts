// The family portal's words in English and Spanish: one typed dictionary (Spanish must say everything English says),
// the language chosen remembered on this device, defaulting to the patient's own language.
import type { Language } from './planWords';

export type { Language };

const en = {
  portal: 'Family portal',
  whoViewed: (name: string) => `Who viewed ${name}'s record`,
  shareRecord: (name: string) => `Share ${name}'s record with another agency`,
  loading: (what: string) => `Loading ${what}…`,
  tryAgain: 'Try again',
  welcome: (name: string) => `Welcome, ${name}.`,
  language: 'Language',
  languageNames: { en: 'English', es: 'Español' } as Record<Language, string>,
  peopleYouCareFor: 'the people you care for',
  noOneShared: "No one has shared their care with you yet. The agency adds you to a patient's care circle.",
  upcomingVisits: 'Upcoming visits',
  visits: 'visits',
  scheduleNotShared: 'The schedule is not shared with you.',
  noVisits: 'No visits are booked yet.',
  visitWith: (discipline: string, clinician: string | null | undefined) => (clinician ? `${discipline} with ${clinician}` : discipline),
  planInBrief: 'Plan of care in brief',
  thePlan: 'the plan',
  noPlan: 'No signed plan is shared with you yet.',
  signed: (date: string) => `Signed ${date}.`,
  visitPlan: 'Who visits and how often',
  asWritten: (notation: string) => `As written by the care team: ${notation}`,
  goalsBy: (date: string) => `by ${date}`,
  problemsNote: 'What the care team works on, in their words:',
  familyMessages: 'Family messages',
  messages: 'messages',
  messagesNotShared: 'Messages with the care team are not shared with you.',
  noMessages: 'No messages yet.',
  you: 'You',
  careTeam: 'Care team',
  notice: 'Notice',
  deleted: '(deleted)',
  writeToTeam: 'Write to the care team',
  send: 'Send',
  notSent: 'The message could not be sent.',
  planSigned: (version: number, date: string) => `The plan of care changed: version ${version} was signed on ${date}.`,
  visitBooked: (discipline: string, at: string) => `A ${discipline.toLowerCase()} visit was booked for ${at}.`,
  visitMoved: (discipline: string, from: string, to: string) => `The ${discipline.toLowerCase()} visit of ${from} was moved to ${to}.`,
  visitCancelled: (discipline: string, at: string) => `The ${discipline.toLowerCase()} visit of ${at} was cancelled.`,
  disciplines: {
    SN: 'Nursing',
    RN: 'Nursing',
    LPN: 'Nursing',
    PT: 'Physical therapy',
    OT: 'Occupational therapy',
    ST: 'Speech therapy',
    MSW: 'Social work',
    HHA: 'Home health aide',
    AIDE: 'Home health aide',
    RD: 'Nutrition',
  } as Record<string, string>,
  vitals: 'Vital signs',
  readings: 'readings',
  noVitalsConsent: (name: string) =>
    `${name}'s consent does not include vital signs, so you cannot see or enter readings here. The agency can add vital signs to what you may see.`,
  noReadings: 'No readings yet.',
  enterReading: 'Enter a reading',
  whatMeasured: 'What you measured',
  reading: 'Reading',
  unit: 'Unit',
  takenAt: 'Taken at',
  saveReading: 'Save reading',
  readingNotSaved: 'The reading could not be saved.',
  saved: (what: string) => `Saved: ${what}. The care team sees it.`,
  vitalNames: {} as Record<string, string>,
  resources: 'Resources for caregivers',
  caregiverResources: 'caregiver resources',
  resourcesUnavailable: 'Caregiver resources are not available yet. Please ask the agency.',
  noResources: 'The agency has not shared any caregiver resources yet.',
  contact: (contact: string) => `Contact: ${contact}.`,
  website: (title: string) => `${title} (website, opens in a new tab)`,
  categories: {} as Record<string, string>,
};

export type Strings = typeof en;

const es: Strings = {
  portal: 'Portal familiar',
  whoViewed: (name) => `Quién vio el expediente de ${name}`,
  shareRecord: (name) => `Compartir el expediente de ${name} con otra agencia`,
  loading: (what) => `Cargando ${what}…`,
  tryAgain: 'Intentar de nuevo',
  welcome: (name) => `Bienvenida o bienvenido, ${name}.`,
  language: 'Idioma',
  languageNames: { en: 'English', es: 'Español' },
  peopleYouCareFor: 'las personas que usted cuida',
  noOneShared: 'Nadie ha compartido su cuidado con usted todavía. La agencia le agrega al círculo de cuidado de un paciente.',
  upcomingVisits: 'Próximas visitas',
  visits: 'las visitas',
  scheduleNotShared: 'El horario de visitas no se comparte con usted.',
  noVisits: 'Todavía no hay visitas programadas.',
  visitWith: (discipline, clinician) => (clinician ? `${discipline} con ${clinician}` : discipline),
  planInBrief: 'Plan de cuidado en resumen',
  thePlan: 'el plan',
  noPlan: 'Todavía no se comparte con usted un plan firmado.',
  signed: (date) => `Firmado el ${date}.`,
  visitPlan: 'Quién visita y con qué frecuencia',
  asWritten: (notation) => `Como lo escribió el equipo de cuidado: ${notation}`,
  goalsBy: (date) => `para el ${date}`,
  problemsNote: 'En qué trabaja el equipo de cuidado, en sus propias palabras:',
  familyMessages: 'Mensajes de la familia',
  messages: 'los mensajes',
  messagesNotShared: 'Los mensajes con el equipo de cuidado no se comparten con usted.',
  noMessages: 'Todavía no hay mensajes.',
  you: 'Usted',
  careTeam: 'Equipo de cuidado',
  notice: 'Aviso',
  deleted: '(borrado)',
  writeToTeam: 'Escriba al equipo de cuidado',
  send: 'Enviar',
  notSent: 'No se pudo enviar el mensaje.',
  planSigned: (version, date) => `El plan de cuidado cambió: la versión ${version} se firmó el ${date}.`,
  visitBooked: (discipline, at) => `Se programó una visita de ${discipline.toLowerCase()} para el ${at}.`,
  visitMoved: (discipline, from, to) => `La visita de ${discipline.toLowerCase()} del ${from} se cambió al ${to}.`,
  visitCancelled: (discipline, at) => `Se canceló la visita de ${discipline.toLowerCase()} del ${at}.`,
  disciplines: {
    SN: 'Enfermería',
    RN: 'Enfermería',
    LPN: 'Enfermería',
    PT: 'Fisioterapia',
    OT: 'Terapia ocupacional',
    ST: 'Terapia del habla',
    MSW: 'Trabajo social',
    HHA: 'Auxiliar de salud en el hogar',
    AIDE: 'Auxiliar de salud en el hogar',
    RD: 'Nutrición',
  },
  vitals: 'Signos vitales',
  readings: 'las mediciones',
  noVitalsConsent: (name) =>
    `El consentimiento de ${name} no incluye los signos vitales, así que aquí no puede ver ni anotar mediciones. La agencia puede agregar los signos vitales a lo que usted puede ver.`,
  noReadings: 'Todavía no hay mediciones.',
  enterReading: 'Anotar una medición',
  whatMeasured: 'Qué midió',
  reading: 'Medición',
  unit: 'Unidad',
  takenAt: 'Tomada el',
  saveReading: 'Guardar medición',
  readingNotSaved: 'No se pudo guardar la medición.',
  saved: (what) => `Guardado: ${what}. El equipo de cuidado lo ve.`,
  vitalNames: {
    SYSTOLIC_BP: 'Presión arterial, sistólica',
    DIASTOLIC_BP: 'Presión arterial, diastólica',
    HEART_RATE: 'Frecuencia cardíaca',
    SPO2: 'Saturación de oxígeno (SpO2)',
    TEMPERATURE: 'Temperatura',
    WEIGHT: 'Peso',
  },
  resources: 'Recursos para cuidadores',
  caregiverResources: 'los recursos para cuidadores',
  resourcesUnavailable: 'Los recursos para cuidadores todavía no están disponibles. Pregunte a la agencia.',
  noResources: 'La agencia todavía no ha compartido recursos para cuidadores.',
  contact: (contact) => `Contacto: ${contact}.`,
  website: (title) => `${title} (sitio web, se abre en una pestaña nueva)`,
  categories: { RESPITE: 'Cuidado de relevo', SUPPORT_GROUP: 'Grupos de apoyo', EDUCATION: 'Aprender y educarse', OTHER: 'Otros' },
};

export const STRINGS: Record<Language, Strings> = { en, es };

export const LANGUAGE_KEY = 'hearth.family.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'en' || value === 'es';
}

/** The language chosen on this device, if any. */
export function storedLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Language | null {
  try {
    const stored = storage?.getItem(LANGUAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage may be refused (private mode): the default applies
  }
}

/** The language chosen on this device, else the patient's own (en|es), else English. */
export function initialLanguage(patientLanguage: string | null | undefined, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Language {
  const stored = storedLanguage(storage);
  if (stored) return stored;
  const own = patientLanguage?.toLowerCase().slice(0, 2);
  return isLanguage(own) ? own : 'en';
}

export function rememberLanguage(language: Language, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LANGUAGE_KEY, language);
  } catch {
    // not remembered: the choice still holds for this page
  }
}

/** A discipline code in the family's words. */
export function disciplineIn(t: Strings, code: string): string {
  return t.disciplines[code] ?? code;
}

/** Dates and times in the family's language. */
export function dateIn(language: Language, iso?: string | null): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium' });
}

export function dateTimeIn(language: Language, iso?: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(language === 'es' ? 'es-US' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
