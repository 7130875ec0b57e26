import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DraftReview } from './DraftReview';
import type { CarePlanContent, CarePlanVersion } from '../types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const content: CarePlanContent = {
  problems: [],
  interventions: [],
  medications: [],
  diet: [],
  equipment: [],
  communityServices: [],
  frequency: 'SN 2W4',
};
const version = (number: number, status: string, frequency: string): CarePlanVersion => ({
  number,
  status,
  content: { ...content, frequency },
  authoredBy: 'carla',
  authoredAt: '2026-11-25T10:00:00Z',
});

describe('draft review', () => {
  it('shows the changes against the active version and signs only after review, with the ETag read', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        if (url.includes('/diff')) {
          return new Response(
            JSON.stringify({ from: 1, to: 2, changes: [{ section: 'frequency', added: ['SN 3W4'], removed: ['SN 2W4'] }, { section: 'diet', added: ['Low sugar'], removed: [] }] }),
          );
        }
        return new Response(JSON.stringify({ patientId: 'p1', active: version(2, 'ACTIVE', 'SN 3W4'), draft: null }));
      }),
    );
    const onSigned = vi.fn();
    render(
      <DraftReview
        patientId="p1"
        patientName="Jane Doe"
        versioned={{ etag: '"7"', plan: { patientId: 'p1', active: version(1, 'ACTIVE', 'SN 2W4'), draft: version(2, 'DRAFT', 'SN 3W4') } }}
        onSigned={onSigned}
      />,
    );
    expect(await screen.findByText('From version 1 to version 2: 2 changes: 1 added, 1 changed.')).toBeDefined();
    expect(screen.getByText('Added:')).toBeDefined();
    expect(screen.getByText('SN 2W4 → SN 3W4')).toBeDefined();
    const sign = screen.getByRole('button', { name: 'Sign version 2' }) as HTMLButtonElement;
    expect(sign.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('I have reviewed the changes in version 2 for Jane Doe'));
    fireEvent.click(sign);
    await vi.waitFor(() => expect(onSigned).toHaveBeenCalledWith("Version 2 of Jane Doe's plan is signed and now active."));
    const post = calls.find((c) => c.init?.method === 'POST')!;
    expect(post.url).toBe('/console/api/patients/v1/patients/p1/care-plan/draft/signature');
    expect(new Headers(post.init!.headers).get('If-Match')).toBe('"7"');
  });

  it('tells the physician when the draft changed after it was read (412)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.includes('/diff')
          ? new Response(JSON.stringify({ from: 1, to: 2, changes: [] }))
          : new Response(JSON.stringify({ status: 412, detail: 'The care plan changed since you read it' }), { status: 412 }),
      ),
    );
    render(
      <DraftReview
        patientId="p1"
        versioned={{ etag: '"7"', plan: { patientId: 'p1', active: version(1, 'ACTIVE', 'SN 2W4'), draft: version(2, 'DRAFT', 'SN 2W4') } }}
        onSigned={() => undefined}
      />,
    );
    fireEvent.click(await screen.findByLabelText('I have reviewed the changes in version 2'));
    fireEvent.click(screen.getByRole('button', { name: 'Sign version 2' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The care plan changed since you read it.');
  });
});
