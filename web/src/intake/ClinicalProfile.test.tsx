import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ClinicalProfile, coverageLine } from './ClinicalProfile';
import type { PatientSummary } from '../types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const summary = {
  patient: {
    id: 'p1', givenName: 'Jane', familyName: 'Doe', birthDate: '1947-05-02', status: 'ACTIVE',
    clinical: {
      homebound: { homebound: true, reason: 'Short of breath after 10 metres' },
      diagnoses: [{ code: 'I50.9', description: 'Heart failure, unspecified', primary: true }],
      allergies: [{ substance: 'Penicillin', reaction: 'Rash', severity: 'MODERATE' }],
    },
  },
  careTeam: [],
  activePlan: {
    number: 1, status: 'ACTIVE', authoredBy: 'carla', authoredAt: '2026-12-01T10:00:00Z',
    content: {
      problems: [], interventions: [], communityServices: [], frequency: 'SN 2W4',
      medications: [{ name: 'Furosemide', dose: '40 mg', route: 'ORAL', times: ['08:00:00'] }],
      diet: ['2 g sodium'],
      equipment: [{ item: 'Walker', status: 'IN_USE' }],
    },
  },
} as unknown as PatientSummary;

function stub(transitionDone = false) {
  const calls: { url: string; method: string }[] = [];
  let done = transitionDone;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method });
      if (url.endsWith('/assessment')) {
        return new Response(JSON.stringify({ patientId: 'p1', status: 'COMPLETED', completedAt: '2026-12-02T10:00:00Z', baseline: [], functional: [], goals: [],
          homeSafety: [{ item: 'GRAB_BARS', status: 'HAZARD', finding: 'No bar by the tub', action: 'Order a grab bar' }, { item: 'PETS', status: 'OK' }] }));
      }
      if (url.endsWith('/completion')) {
        done = true;
        return new Response('{}');
      }
      if (url.endsWith('/transition-of-care')) {
        return new Response(JSON.stringify({ patientId: 'p1', dischargedOn: '2026-12-01', tasks: [
          { type: 'INTERACTIVE_CONTACT', dueOn: '2026-12-03', status: done ? 'DONE' : 'OVERDUE', completedAt: done ? '2026-12-03T10:00:00Z' : null },
          { type: 'FACE_TO_FACE_VISIT', dueOn: '2026-12-15', status: 'OPEN' },
        ] }));
      }
      if (url.includes('/billing/v1/payers')) return new Response(JSON.stringify({ items: [{ id: 'pay1', name: 'Medicare' }] }));
      if (url.endsWith('/billing/v1/patients/p1')) {
        return new Response(JSON.stringify({ coverages: [{ id: 'c1', payerId: 'pay1', memberId: '1EG4-TE5', priority: 'PRIMARY', from: '2026-12-01' }] }));
      }
      return new Response('{}', { status: 404 });
    }),
  );
  return calls;
}

describe('clinical profile in the chart', () => {
  it('shows homebound status, diagnoses, allergies, the plan orders, hazards with actions and coverage', async () => {
    stub();
    render(<ClinicalProfile summary={summary} persona="coordinator" />);
    const profile = screen.getByRole('region', { name: 'Clinical profile' });
    expect(profile.textContent).toContain('Yes: Short of breath after 10 metres');
    expect(profile.textContent).toContain('I50.9 Heart failure, unspecified (primary)');
    expect(profile.textContent).toContain('Penicillin: Rash (moderate)');
    const orders = screen.getByRole('region', { name: 'Medications, diet and equipment' });
    expect(orders.textContent).toContain('Furosemide 40 mg, oral, at 08:00');
    expect(orders.textContent).toContain('Walker (in use)');
    const safety = screen.getByRole('region', { name: 'Home safety' });
    expect(await within(safety).findByText('Hazard: Grab bars')).toBeDefined();
    expect(safety.textContent).toContain('(No bar by the tub). Action: Order a grab bar');
    const coverage = screen.getByRole('region', { name: 'Coverage' });
    expect(await within(coverage).findByText(/^Medicare \(primary\), member 1EG4-TE5, from/)).toBeDefined();
  });

  it('marks a transition-of-care task done, overdue said in words', async () => {
    const calls = stub();
    render(<ClinicalProfile summary={summary} persona="coordinator" />);
    const tasks = screen.getByRole('region', { name: 'Transition-of-care tasks' });
    expect(await within(tasks).findByText(/\(overdue\)$/)).toBeDefined();
    fireEvent.click(within(tasks).getByRole('button', { name: 'Mark done: Interactive contact with the patient or caregiver' }));
    expect(await within(tasks).findByText('Interactive contact with the patient or caregiver is marked done.')).toBeDefined();
    expect(await within(tasks).findByText(/^Done /)).toBeDefined();
    expect(calls.find((c) => c.method === 'POST')!.url).toBe('/console/api/patients/v1/patients/p1/transition-of-care/tasks/INTERACTIVE_CONTACT/completion');
    expect(within(tasks).queryByRole('button', { name: /Interactive contact/ })).toBeNull();
  });

  it('tells a clinician that coverage is kept by billing, without asking billing', async () => {
    const calls = stub();
    render(<ClinicalProfile summary={summary} persona="clinician" />);
    expect(await screen.findByText('Coverage is kept by billing; your role cannot read it.')).toBeDefined();
    expect(calls.some((c) => c.url.includes('/billing/'))).toBe(false);
  });

  it('words a coverage without a payer name or end date', () => {
    expect(coverageLine({ id: 'c', payerId: 'x', memberId: 'M1', plan: 'Gold', priority: 'SECONDARY', from: '2026-01-01', to: '2026-12-31' }))
      .toMatch(/^Payer x \(secondary\), member M1, plan Gold, from .* to /);
  });
});
