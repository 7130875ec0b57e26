import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { AlertList } from './AlertList';
import { resolutionBody } from './resolution';
import type { Alert } from '../types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const alert: Alert = {
  id: 'a1',
  patientId: 'p1',
  rule: 'MORNING_SYSTOLIC_150_3_OF_5',
  severity: 'HIGH',
  finding: 'SYSTOLIC_BP >= 150 mm[Hg] on 3 of the last 3 mornings',
  status: 'OPEN',
  raisedAt: '2026-11-25T12:00:00Z',
};

describe('resolution body', () => {
  it('needs a note and takes an optional plan version of 1 or more', () => {
    expect(resolutionBody('  ', '')).toEqual({ errors: ['Write a note on what was done about the alert.'] });
    expect(resolutionBody('Amlodipine added', '0').errors).toEqual(['The plan version is a whole number of 1 or more, or left empty.']);
    expect(resolutionBody(' Amlodipine added ', '3')).toEqual({ body: { note: 'Amlodipine added', planVersion: 3 }, errors: [] });
    expect(resolutionBody('Called the patient', '').body).toEqual({ note: 'Called the patient' });
  });
});

describe('alert list', () => {
  it('acknowledges an open alert and resolves it with a note', async () => {
    const posts: { url: string; body?: string }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        posts.push({ url, body: init?.body as string | undefined });
        return new Response(JSON.stringify({ ...alert, status: 'ACKNOWLEDGED' }), { status: 200 });
      }),
    );
    const onChanged = vi.fn();
    render(<AlertList alerts={[alert]} onChanged={onChanged} />);
    fireEvent.click(screen.getByRole('button', { name: /^Acknowledge High alert/ }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith(`The alert "${alert.finding}" is acknowledged.`));
    expect(posts[0].url).toBe('/console/api/patients/v1/patients/p1/alerts/a1/acknowledgement');

    fireEvent.click(screen.getByRole('button', { name: /^Resolve High alert/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Resolve alert' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Write a note on what was done about the alert.');
    expect(posts).toHaveLength(1);
    fireEvent.change(screen.getByLabelText('What was done (required)'), { target: { value: 'Amlodipine added' } });
    fireEvent.change(screen.getByLabelText('Plan version that answers it (optional)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve alert' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(posts[1].url).toBe('/console/api/patients/v1/patients/p1/alerts/a1/resolution');
    expect(JSON.parse(posts[1].body!)).toEqual({ note: 'Amlodipine added', planVersion: 3 });
  });

  it('offers no action on a resolved alert and only resolution on an acknowledged one', () => {
    render(<AlertList alerts={[{ ...alert, status: 'RESOLVED' }, { ...alert, id: 'a2', status: 'ACKNOWLEDGED' }]} onChanged={() => undefined} />);
    expect(screen.queryAllByRole('button', { name: /^Acknowledge/ })).toHaveLength(0);
    expect(screen.getAllByRole('button', { name: /^Resolve/ })).toHaveLength(1);
  });
});
