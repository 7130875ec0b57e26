import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Section } from './states';

let broken = true;
function Fragile() {
  if (broken) throw new TypeError("Cannot read properties of null (reading 'localeCompare')");
  return <p>Drawn</p>;
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a section that fails to draw', () => {
  it('says so in its own place, keeps the other sections, and draws again on request', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <>
        <Section id="urgent" title="Urgent messages">
          <Fragile />
        </Section>
        <Section id="alerts" title="Alerts not yet resolved">
          <p>Critical SYSTOLIC_BP 192</p>
        </Section>
      </>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Urgent messages could not be shown');
    expect(screen.getByText('Critical SYSTOLIC_BP 192')).toBeTruthy();
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Drawn')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
