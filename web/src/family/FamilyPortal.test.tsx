import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { FamilyPortal } from './FamilyPortal';
import { LANGUAGE_KEY, STRINGS, initialLanguage } from './i18n';
import { noticeText } from './notices';

class QuietEventSource {
  static CLOSED = 2;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  addEventListener() {}
  close() {}
}

const session = { username: 'fran.family', subject: 'fran', name: 'Fran Doe', roles: ['family'], agency: 'a', idleTimeoutSeconds: 900 };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } });
const page = (items: unknown[]) => ({ items, page: 0, size: 100, totalItems: items.length, totalPages: 1 });

function services(language: string) {
  const jane = { id: 'p1', givenName: 'Jane', familyName: 'Doe', birthDate: '1948-03-02', status: 'ACTIVE', language };
  const plan = {
    version: 2,
    signedAt: '2026-11-20T15:00:00Z',
    content: { problems: [], interventions: [], medications: [], diet: [], equipment: [], communityServices: [], frequency: 'SN 3W1, 2W3, PT 3W2' },
  };
  const messages = [
    { id: 'm2', author: 'carla', body: 'We will call you tomorrow.', sentAt: '2026-11-21T15:00:00Z', deleted: false },
    {
      id: 'm1',
      author: 'system',
      body: 'A SN visit was booked for 2026-11-24 at 09:00.',
      sentAt: '2026-11-21T14:00:00Z',
      deleted: false,
      notice: { kind: 'VISIT_SCHEDULED', scope: 'SCHEDULE', discipline: 'SN', at: '2026-11-24T14:00:00Z' },
    },
  ];
  return vi.fn(async (url: string) => {
    if (url.includes('/patients/v1/patients?')) return json(page([jane]));
    if (url.includes('/care-plan/summary')) return json(plan);
    if (url.includes('/scheduling/v1/patients/p1/visits')) return json({ familyView: [{ start: '2026-11-24T14:00:00Z', end: '2026-11-24T15:00:00Z', discipline: 'SN', clinicianFirstName: 'Nina' }] });
    if (url.includes('/messaging/v1/threads?')) return json(page([{ id: 't1', kind: 'FAMILY', patientId: 'p1' }]));
    if (url.includes('/messaging/v1/threads/t1/messages')) return json(messages);
    if (url.includes('/observations')) return json({ status: 403 }, 403);
    return json(page([]));
  });
}

beforeEach(() => {
  localStorage.clear();
  vi.stubGlobal('EventSource', QuietEventSource);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('family portal languages', () => {
  it('speaks English to the family of an English-speaking patient, with the plan in plain words', async () => {
    vi.stubGlobal('fetch', services('en'));
    render(<FamilyPortal session={session} />);
    expect(await screen.findByText('Nurse visits 3 times a week for 1 week, then 2 times a week for 3 weeks.')).toBeDefined();
    expect(screen.getByText('Physical therapist visits 3 times a week for 2 weeks.')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Family portal' })).toBeDefined();
    for (const name of ['Upcoming visits', 'Plan of care in brief', 'Family messages']) expect(screen.getByRole('region', { name })).toBeDefined();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText(/^A nursing visit was booked for /)).toBeDefined();
  });

  it('defaults to Spanish for a Spanish-speaking patient and words everything in Spanish', async () => {
    vi.stubGlobal('fetch', services('es'));
    render(<FamilyPortal session={session} />);
    expect(await screen.findByText('Visitas de enfermería 3 veces por semana durante 1 semana, luego dos veces por semana durante 3 semanas.')).toBeDefined();
    expect(screen.getByRole('heading', { level: 1, name: 'Portal familiar' })).toBeDefined();
    const thread = screen.getByRole('region', { name: 'Mensajes de la familia' });
    expect(await within(thread).findByText(/^Se programó una visita de enfermería para el /)).toBeDefined();
    expect(within(thread).getByLabelText('Escriba al equipo de cuidado')).toBeDefined();
    expect(within(thread).getByRole('button', { name: 'Enviar' })).toBeDefined();
    expect(screen.getByRole('region', { name: 'Próximas visitas' }).textContent).toContain('Enfermería con Nina');
    expect(await screen.findByText(/El consentimiento de Jane Doe no incluye los signos vitales/)).toBeDefined();
    expect(document.querySelector('[lang="es"]')).not.toBeNull();
  });

  it('switches language on request and remembers the choice for the next visit', async () => {
    vi.stubGlobal('fetch', services('en'));
    render(<FamilyPortal session={session} />);
    await screen.findByText('Nurse visits 3 times a week for 1 week, then 2 times a week for 3 weeks.');
    fireEvent.click(screen.getByRole('button', { name: 'Español' }));
    expect(await screen.findByRole('region', { name: 'Plan de cuidado en resumen' })).toBeDefined();
    expect(screen.getByText('Visitas de fisioterapia 3 veces por semana durante 2 semanas.')).toBeDefined();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('es');
    cleanup();
    render(<FamilyPortal session={session} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Portal familiar' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('family portal states', () => {
  it('says loading and failure in the chosen language', async () => {
    localStorage.setItem(LANGUAGE_KEY, 'es');
    const base = services('en');
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => (url.includes('/messaging/v1/threads?') ? json({ status: 500 }, 500) : base(url))),
    );
    render(<FamilyPortal session={session} />);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Cargando las personas que usted cuida…');
    const thread = await screen.findByRole('region', { name: 'Mensajes de la familia' });
    expect(await within(thread).findByRole('button', { name: 'Intentar de nuevo' })).toBeDefined();
  });
});

describe('language choice and notices', () => {
  it('prefers the remembered choice, then the patient language, then English', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(initialLanguage('es', store(null))).toBe('es');
    expect(initialLanguage('es', store('en'))).toBe('en');
    expect(initialLanguage('fr', store(null))).toBe('en');
    expect(initialLanguage(undefined, store('xx'))).toBe('en');
    expect(initialLanguage('en', { getItem: () => { throw new Error('denied'); } })).toBe('en');
  });

  it('words each kind of notice and leaves unknown kinds to the English body', () => {
    const plan = { kind: 'PLAN_SIGNED', at: '2026-11-20T15:00:00Z', planVersion: 3 };
    expect(noticeText(plan, STRINGS.en, 'en')).toMatch(/^The plan of care changed: version 3 was signed on Nov 20, 2026\.$/);
    expect(noticeText(plan, STRINGS.es, 'es')).toMatch(/^El plan de cuidado cambió: la versión 3 se firmó el /);
    const moved = { kind: 'VISIT_RESCHEDULED', discipline: 'PT', at: '2026-11-25T14:00:00Z', previousAt: '2026-11-24T14:00:00Z' };
    expect(noticeText(moved, STRINGS.es, 'es')).toMatch(/^La visita de fisioterapia del .+ se cambió al .+\.$/);
    expect(noticeText({ kind: 'VISIT_CANCELLED', discipline: 'SN', at: '2026-11-24T14:00:00Z' }, STRINGS.en, 'en')).toMatch(
      /^The nursing visit of .+ was cancelled\.$/,
    );
    expect(noticeText({ kind: 'SOMETHING_ELSE' }, STRINGS.es, 'es')).toBeNull();
    const booked = noticeText({ kind: 'VISIT_SCHEDULED', discipline: 'SN', at: '2026-12-04T15:00:00Z' }, STRINGS.es, 'es')!;
    expect(booked).toMatch(/^Se programó una visita de enfermería para el .+\.$/);
    expect(booked.endsWith('..')).toBe(false);
  });

  it('has every English string in Spanish', () => {
    expect(Object.keys(STRINGS.es).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(Object.keys(STRINGS.es.disciplines).sort()).toEqual(Object.keys(STRINGS.en.disciplines).sort());
  });
});
