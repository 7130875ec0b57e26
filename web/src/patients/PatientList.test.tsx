import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { PatientList } from './PatientList';
import { manyPatients, pageOf } from '../testPages';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** patient-service's list, a page at a time; the urls asked are kept. */
function patientService(count: number) {
  const patients = manyPatients(count);
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      asked.push(url);
      if (url.startsWith('/console/api/patients/v1/patients?')) return new Response(JSON.stringify(pageOf(patients, url)));
      return new Response(JSON.stringify({ status: 404 }), { status: 404 });
    }),
  );
  return asked;
}

const names = () => within(screen.getByRole('table', { name: 'Patients' })).getAllByRole('link').map((a) => a.textContent);

describe('the patient list', () => {
  it('pages through more patients than one page holds, with where it stands and next and previous', async () => {
    const asked = patientService(120);
    render(<PatientList />);
    const pages = await screen.findByRole('navigation', { name: 'Pages of patients' });
    expect(within(pages).getByText('1–50 of 120 patients')).toBeTruthy();
    expect(names()).toHaveLength(50);
    expect(names()[0]).toBe('Family001, Given001');
    expect(within(pages).getByRole('button', { name: 'Previous page' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    await within(pages).findByText('51–100 of 120 patients');
    fireEvent.click(within(pages).getByRole('button', { name: 'Next page' }));
    await within(pages).findByText('101–120 of 120 patients');
    expect(names()).toHaveLength(20);
    expect(names()[19]).toBe('Family120, Given120');
    expect(within(pages).getByRole('button', { name: 'Next page' }).hasAttribute('disabled')).toBe(true);
    expect(asked).toContain('/console/api/patients/v1/patients?page=2&size=50');

    fireEvent.click(within(pages).getByRole('button', { name: 'Previous page' }));
    await within(pages).findByText('51–100 of 120 patients');
  });

  it('finds a patient by name among all of them, not only on the first page', async () => {
    patientService(250);
    render(<PatientList />);
    await screen.findByText('1–50 of 250 patients');
    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'given240' } });
    expect(await screen.findByText('1 of 250 patients match.')).toBeTruthy();
    expect(names()).toEqual(['Family240, Given240']);
  });

  it('searches the page on screen at once while every patient is read: typing never blanks the list', async () => {
    patientService(250);
    render(<PatientList />);
    await screen.findByText('1–50 of 250 patients');
    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'given007' } });
    expect(names()).toEqual(['Family007, Given007']); // synchronously, before any page of the full read arrives
    expect(screen.getByRole('status').textContent).toBe('Searching all patients…');
    expect(await screen.findByText('1 of 250 patients match.')).toBeTruthy();
  });

  it('says so when there are too many patients to search, instead of searching part of them', async () => {
    patientService(2001);
    render(<PatientList />);
    await screen.findByText('1–50 of 2001 patients');
    fireEvent.change(screen.getByLabelText('Search by name'), { target: { value: 'given2001' } });
    expect((await screen.findByRole('alert')).textContent).toContain('There are 2001 patients, more than this page can read at once (2000).');
    expect(screen.queryByRole('table', { name: 'Patients' })).toBeNull();
  });

  it('shows no pager when every patient fits on one page', async () => {
    patientService(3);
    render(<PatientList />);
    await screen.findByRole('table', { name: 'Patients' });
    expect(names()).toHaveLength(3);
    expect(screen.queryByRole('navigation', { name: 'Pages of patients' })).toBeNull();
  });
});
