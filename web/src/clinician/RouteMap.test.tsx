import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RouteMap } from './RouteMap';

afterEach(cleanup);

describe('RouteMap', () => {
  it('draws the home base and numbered stops, sharing a marker at one home, and says what is left out', () => {
    const jane = { latitude: 39.799, longitude: -89.644 };
    const { container } = render(
      <RouteMap home={{ latitude: 39.7817, longitude: -89.6501 }} stops={[jane, null, { latitude: 39.81, longitude: -89.66 }, jane]} />,
    );
    const drawing = screen.getByRole('img', { name: /^Route drawing: from your home base through 3 stops in visit order; 1 without a map position is left out\./ });
    expect(drawing).toBeDefined();
    expect([...container.querySelectorAll('.route-stop text')].map((t) => t.textContent)).toEqual(['1, 4', '3']);
    expect(container.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(4);
    expect(screen.getByText(/1 stop has no map position and is not drawn/)).toBeDefined();
  });

  it('says so when nothing can be drawn', () => {
    render(<RouteMap home={null} stops={[null]} />);
    expect(screen.getByText(/no route can be drawn/)).toBeDefined();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
