// Automatic logoff: the gateway ends a session unused for idleTimeoutSeconds; the app signs out fully (ending the
// Keycloak session too) when the person has not touched it for that long, after a one-minute warning.

export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export interface IdleClock {
  /** Seconds left before sign-out, given the last activity. */
  secondsLeft(now: number): number;
  touch(now: number): void;
}

export function idleClock(timeoutSeconds: number, start: number): IdleClock {
  let last = start;
  return {
    secondsLeft: (now) => Math.max(0, Math.ceil(timeoutSeconds - (now - last) / 1000)),
    touch: (now) => {
      last = now;
    },
  };
}

export const WARN_SECONDS = 60;
