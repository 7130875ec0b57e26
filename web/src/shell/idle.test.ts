import { describe, expect, it } from 'vitest';
import { idleClock } from './idle';

describe('idle clock', () => {
  it('counts down from the last activity and never below zero', () => {
    const clock = idleClock(900, 0);
    expect(clock.secondsLeft(0)).toBe(900);
    expect(clock.secondsLeft(840_000)).toBe(60);
    clock.touch(840_000);
    expect(clock.secondsLeft(840_000)).toBe(900);
    expect(clock.secondsLeft(840_000 + 901_000)).toBe(0);
  });
});
