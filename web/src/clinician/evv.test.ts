import { describe, expect, it, vi } from 'vitest';
import { MAX_NOTE, evvOutcome, locate, locationProblem, noteMessage, noteProblem } from './evv';
import type { Visit } from '../types';

const visit = (over: Partial<Visit>): Visit => ({
  id: 'v-1',
  patientId: 'p-1',
  discipline: 'SN',
  type: 'IN_HOME',
  earliest: '2026-11-25',
  latest: '2026-11-28',
  status: 'CHECKED_IN',
  ...over,
});

describe('locate', () => {
  it('gives the position with its accuracy', async () => {
    const geolocation = {
      getCurrentPosition: vi.fn((ok: PositionCallback) =>
        ok({ coords: { latitude: 39.8, longitude: -89.6, accuracy: 12 } } as GeolocationPosition),
      ),
    } as unknown as Geolocation;
    await expect(locate(geolocation)).resolves.toEqual({ ok: true, latitude: 39.8, longitude: -89.6, accuracy: 12 });
  });

  it('turns a refusal into a sentence instead of failing', async () => {
    const geolocation = {
      getCurrentPosition: vi.fn((_ok: PositionCallback, fail: PositionErrorCallback) =>
        fail({ code: 1, message: 'User denied Geolocation' } as GeolocationPositionError),
      ),
    } as unknown as Geolocation;
    const result = await locate(geolocation);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^Location access was refused/);
  });

  it('says when the browser has no geolocation', async () => {
    await expect(locate(undefined)).resolves.toEqual({ ok: false, reason: 'This browser cannot share its location.' });
    expect(locationProblem(3)).toBe('Finding your location took too long.');
  });
});

describe('evvOutcome', () => {
  it('is nothing before the stage happened', () => {
    expect(evvOutcome(visit({ status: 'SCHEDULED' }), 'CHECK_IN')).toBeNull();
  });

  it('confirms a verified location', () => {
    const text = evvOutcome(visit({ checkIn: { at: '2026-11-25T15:00:00Z', latitude: 39.8, longitude: -89.6 } }), 'CHECK_IN');
    expect(text).toMatch(/^Checked in at .*location verified/);
  });

  it('explains the exceptions of that stage only', () => {
    const v = visit({
      status: 'COMPLETED',
      checkIn: { at: '2026-11-25T15:00:00Z' },
      checkOut: { at: '2026-11-25T16:00:00Z', latitude: 39.9, longitude: -89.6 },
      evvExceptions: [
        { stage: 'CHECK_IN', code: 'NO_LOCATION', at: '2026-11-25T15:00:00Z' },
        { stage: 'CHECK_OUT', code: 'OUTSIDE_RADIUS', distanceMetres: 2345, at: '2026-11-25T16:00:00Z' },
      ],
    });
    expect(evvOutcome(v, 'CHECK_IN')).toMatch(/No location was sent, so it is recorded as an EVV exception/);
    expect(evvOutcome(v, 'CHECK_IN')).not.toMatch(/2.3 km/);
    expect(evvOutcome(v, 'CHECK_OUT')).toMatch(/^Checked out at .*The location was 2.3 km from the patient’s home/);
  });

  it('needs no location for telehealth', () => {
    expect(evvOutcome(visit({ type: 'TELEHEALTH', checkIn: { at: '2026-11-25T15:00:00Z' } }), 'CHECK_IN')).toMatch(/telehealth/);
  });
});

describe('visit notes', () => {
  it('refuse a note that is too long, as a sentence', () => {
    expect(noteProblem('Wound cleaned.')).toBeNull();
    expect(noteProblem('x'.repeat(MAX_NOTE + 1))).toBe(
      'The visit note has 3,801 characters; it may have at most 3,800. Shorten it, then check out.',
    );
  });

  it('name the visit they belong to', () => {
    const text = noteMessage('  Wound cleaned.  ', 'Nursing', '2026-11-25T16:00:00Z');
    expect(text).toMatch(/^Visit note \(Nursing visit, checked out .+\):\nWound cleaned\.$/);
  });
});
