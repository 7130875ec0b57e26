import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';
import { CONSOLE } from '../api';

const NAVIGATED = 'hearth:navigated';

/** The path inside the console: /console/patients/1 → /patients/1. */
export function currentPath(): string {
  const path = window.location.pathname.startsWith(CONSOLE) ? window.location.pathname.slice(CONSOLE.length) : '/';
  return path === '' ? '/' : path.replace(/\/$/, '') || '/';
}

export function navigate(to: string, replace = false): void {
  const url = CONSOLE + to;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const update = () => setPath(currentPath());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return path;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** A real link (keyboard, middle click and "open in new tab" work) that routes in place on a plain click. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    navigate(to);
  };
  return <a href={CONSOLE + to} onClick={handle} {...rest} />;
}
