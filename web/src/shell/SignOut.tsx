import { useRef } from 'react';
import { CONSOLE, cookie } from '../api';

/** A real form post (the gateway redirects to Keycloak's logout), carrying the CSRF token as a form field. */
export function SignOutForm({ reason, formRef }: { reason?: string; formRef?: React.RefObject<HTMLFormElement | null> }) {
  const csrf = useRef<HTMLInputElement>(null);
  return (
    <form
      ref={formRef}
      method="post"
      action={`${CONSOLE}/logout`}
      className="sign-out"
      onSubmit={() => {
        if (csrf.current) csrf.current.value = cookie('XSRF-TOKEN') ?? '';
        if (reason) sessionStorage.setItem('hearth.signed-out', reason);
      }}
    >
      <input ref={csrf} type="hidden" name="_csrf" defaultValue="" />
      <button type="submit">Sign out</button>
    </form>
  );
}

export function SignedOutPage() {
  const reason = sessionStorage.getItem('hearth.signed-out');
  sessionStorage.removeItem('hearth.signed-out');
  const failed = new URLSearchParams(window.location.search).has('error');
  return (
    <main id="main" className="signed-out">
      <h1>Hearth</h1>
      {failed ? (
        <p role="alert">Signing in did not complete. Please try again.</p>
      ) : reason === 'idle' ? (
        <p role="status">You were signed out because Hearth was not used for a while.</p>
      ) : (
        <p role="status">You are signed out.</p>
      )}
      <p>
        <a className="button" href={`${CONSOLE}/`}>
          Sign in
        </a>
      </p>
    </main>
  );
}
