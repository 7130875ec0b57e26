import { describe, expect, it } from 'vitest';
import { PAGES, homeOf, liveTarget, mayOpen, pageOf, refusalSentence } from '../access';

describe('billing pages', () => {
  it('open the workbench, authorizations and billable lines to billing, and land on the authorizations', () => {
    expect(homeOf('billing')).toBe('/authorizations');
    for (const path of ['/billing', '/authorizations', '/billable-lines']) expect(mayOpen('billing', path), path).toBe(true);
    expect(mayOpen('clinician', '/billing')).toBe(false);
    expect(mayOpen('family', '/billable-lines')).toBe(false);
    expect(PAGES.filter((p) => p.inMenu && p.personas.includes('billing')).map((p) => p.path)).toEqual(['/authorizations', '/billing', '/billable-lines']);
  });

  it('never tell billing staff that a page is for agency staff: they are agency staff', () => {
    const sentence = refusalSentence('billing', pageOf('/patients')!);
    expect(sentence).toBe('This page is for coordinators, clinicians and physicians; your account cannot open it.');
    expect(sentence).not.toMatch(/agency staff/);
    expect(refusalSentence('billing', pageOf('/family')!)).toBe('This page is for family members; your account cannot open it.');
    expect(refusalSentence('family', pageOf('/dashboard')!)).toBe('This page is for agency staff; your account cannot open it.');
  });

  it('send the live banner of billing staff to a page they may open', () => {
    expect(mayOpen('billing', liveTarget('billing'))).toBe(true);
    for (const persona of ['coordinator', 'clinician', 'physician', 'family'] as const) expect(mayOpen(persona, liveTarget(persona)), persona).toBe(true);
  });

  it('give coordinators the open alerts, all or one severity', () => {
    expect(mayOpen('coordinator', '/alerts')).toBe(true);
    expect(mayOpen('coordinator', '/alerts/critical')).toBe(true);
    expect(mayOpen('family', '/alerts')).toBe(false);
  });
});
