import { useEffect, useRef, useState } from 'react';
import { ApiError, SIGNED_OUT_EVENT, loadSession, type Session, CONSOLE } from './api';
import { PAGES, homeOf, liveTarget, mayOpen, pageOf, personaOf, refusalSentence, type Persona } from './access';
import { Link, navigate, usePath } from './shell/router';
import { SignOutForm, SignedOutPage } from './shell/SignOut';
import { ErrorMessage, Loading } from './shell/states';
import { ACTIVITY_EVENTS, WARN_SECONDS, idleClock } from './shell/idle';
import { LiveAnnouncer } from './shell/LiveAnnouncer';
import { CoordinatorDashboard } from './coordinator/CoordinatorDashboard';
import { PatientList } from './patients/PatientList';
import { PatientChart } from './patients/PatientChart';
import { MyDay } from './clinician/MyDay';
import { PhysicianInbox } from './physician/PhysicianInbox';
import { FamilyPortal } from './family/FamilyPortal';
import { FamilySharing } from './family/FamilySharing';
import { Authorizations } from './billing/Authorizations';
import { ScheduleBoard } from './schedule/ScheduleBoard';
import { RosterPage } from './roster/RosterPage';
import { Messages } from './messages/Messages';
import { ReferralInbox } from './intake/ReferralInbox';
import { ReferralDetail } from './intake/ReferralDetail';
import { AssessmentPage } from './intake/AssessmentForm';
import { PlanEditor } from './careplan/PlanEditor';
import { TeamAndCircle } from './careteam/TeamAndCircle';
import { Huddles } from './huddles/Huddles';
import { BillingWorkbench } from './billing/BillingWorkbench';
import { BillableLines } from './billing/BillableLines';
import { OpenAlerts } from './alerts/OpenAlerts';
import { SectionBoundary } from './shell/SectionBoundary';
import { BreakGlassReview } from './trust/BreakGlassReview';
import { WhoViewed } from './trust/WhoViewed';
import { SharedRecordPage, SharedRecords } from './sharing/SharedRecords';

export function App() {
  const path = usePath();
  if (path === '/signed-out') return <SignedOutPage />;
  return <SignedIn path={path} />;
}

function SignedIn({ path }: { path: string }) {
  const [session, setSession] = useState<Session | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    loadSession().then(setSession, (e: unknown) => setFailure(e instanceof ApiError ? e.message : String(e)));
    const onSignedOut = () => setEnded(true);
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  if (ended) {
    return (
      <main id="main" className="signed-out">
        <h1>Hearth</h1>
        <p role="alert">Your session has ended. Please sign in again.</p>
        <p>
          <a className="button" href={`${CONSOLE}${path === '/' ? '/' : path}`}>
            Sign in again
          </a>
        </p>
      </main>
    );
  }
  if (failure) return <ErrorMessage message={failure} retry={() => window.location.reload()} />;
  if (!session) return <Loading what="your session" />;
  return <Shell session={session} path={path} />;
}

function Shell({ session, path }: { session: Session; path: string }) {
  const persona = personaOf(session.roles);
  const home = homeOf(persona);
  useEffect(() => {
    if (path === '/') navigate(home, true);
  }, [path, home]);
  const shown = useRef(path);
  useEffect(() => {
    const page = pageOf(path);
    document.title = page ? `${page.title} · Hearth` : 'Hearth';
    // after moving to another page in place, keyboard and screen reader users continue at its content (compared with
    // the page shown before, not a first-render flag: React's StrictMode runs effects twice in development)
    if (shown.current !== path) document.getElementById('main')?.focus();
    shown.current = path;
  }, [path]);

  const menu = PAGES.filter((p) => p.inMenu && p.personas.includes(persona));
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Hearth</span>
        {session.agency && <span className="agency">{session.agency}</span>}
        <nav aria-label="Main">
          <ul>
            {menu.map((p) => (
              <li key={p.path}>
                <Link to={p.path} aria-current={pageOf(path)?.path === p.path ? 'page' : undefined}>
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" aria-label="Signed in as">
          {session.name}
        </span>
        <SignOutForm />
      </header>
      <IdleLogoff seconds={session.idleTimeoutSeconds} />
      <LiveAnnouncer readAt={liveTarget(persona)} />
      <main id="main" tabIndex={-1}>
        <SectionBoundary key={path} what="This page">
          <Page persona={persona} path={path} session={session} />
        </SectionBoundary>
      </main>
    </>
  );
}

function Page({ persona, path, session }: { persona: Persona; path: string; session: Session }) {
  if (path === '/') return <Loading what="your home page" />;
  if (!pageOf(path)) {
    return (
      <div role="alert">
        <h1>Page not found</h1>
        <p>
          There is no such page. <Link to={homeOf(persona)}>Go to your home page</Link>.
        </p>
      </div>
    );
  }
  if (!mayOpen(persona, path)) {
    return (
      <div role="alert" className="forbidden">
        <h1>Not available</h1>
        <p>
          {refusalSentence(persona, pageOf(path)!)} <Link to={homeOf(persona)}>Go to your home page</Link>.
        </p>
      </div>
    );
  }
  const assessment = path.match(/^\/patients\/([^/]+)\/assessment$/);
  if (assessment) return <AssessmentPage patientId={decodeURIComponent(assessment[1])} />;
  const referral = path.match(/^\/referrals\/([^/]+)$/);
  if (referral) return <ReferralDetail referralId={decodeURIComponent(referral[1])} />;
  const careWork = path.match(/^\/patients\/([^/]+)\/(plan|team|huddles)$/);
  if (careWork?.[2] === 'plan') return <PlanEditor patientId={decodeURIComponent(careWork[1])} />;
  if (careWork?.[2] === 'team') return <TeamAndCircle patientId={decodeURIComponent(careWork[1])} />;
  if (careWork?.[2] === 'huddles') return <Huddles patientId={decodeURIComponent(careWork[1])} session={session} />;
  const patient = path.match(/^\/patients\/([^/]+)$/);
  if (patient) return <PatientChart patientId={decodeURIComponent(patient[1])} persona={persona} />;
  const whoViewed = path.match(/^\/family\/who-viewed\/([^/]+)$/);
  if (whoViewed) return <WhoViewed patientId={decodeURIComponent(whoViewed[1])} />;
  const familySharing = path.match(/^\/family\/sharing\/([^/]+)$/);
  if (familySharing) return <FamilySharing patientId={decodeURIComponent(familySharing[1])} />;
  const shared = path.match(/^\/shared-records\/([^/]+)$/);
  if (shared) return <SharedRecordPage grantId={decodeURIComponent(shared[1])} />;
  const thread = path.match(/^\/messages\/([^/]+)$/);
  if (thread) return <Messages session={session} threadId={decodeURIComponent(thread[1])} />;
  switch (pageOf(path)!.path) {
    case '/dashboard':
      return <CoordinatorDashboard />;
    case '/patients':
      return <PatientList />;
    case '/my-day':
      return <MyDay session={session} />;
    case '/messages':
      return <Messages session={session} />;
    case '/inbox':
      return <PhysicianInbox />;
    case '/schedule':
      return <ScheduleBoard />;
    case '/roster':
      return <RosterPage />;
    case '/authorizations':
      return <Authorizations persona={persona} />;
    case '/billing':
      return <BillingWorkbench />;
    case '/billable-lines':
      return <BillableLines />;
    case '/alerts':
      return <OpenAlerts severity={path.split('/')[2]} />;
    case '/family':
      return <FamilyPortal session={session} />;
    case '/referrals':
      return <ReferralInbox />;
    case '/privacy/break-glass':
      return <BreakGlassReview />;
    case '/shared-records':
      return <SharedRecords />;
  }
  return null;
}

/** Warns a minute before the idle limit, then signs out completely (gateway and Keycloak session). */
function IdleLogoff({ seconds }: { seconds: number }) {
  const form = useRef<HTMLFormElement>(null);
  const clock = useRef(idleClock(seconds, Date.now()));
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    let pinged = Date.now();
    const touch = () => {
      const now = Date.now();
      clock.current.touch(now);
      if (now - pinged > 60_000) {
        pinged = now; // keeps the gateway's session alive while the person is active
        loadSession().catch(() => undefined);
      }
    };
    ACTIVITY_EVENTS.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    const timer = window.setInterval(() => {
      const remaining = clock.current.secondsLeft(Date.now());
      setLeft(remaining);
      if (remaining === 0) {
        window.clearInterval(timer);
        form.current?.requestSubmit();
      }
    }, 1000);
    return () => {
      ACTIVITY_EVENTS.forEach((e) => window.removeEventListener(e, touch));
      window.clearInterval(timer);
    };
  }, []);
  return (
    <div hidden={left > WARN_SECONDS} className="idle-warning" role="alertdialog" aria-labelledby="idle-title">
      <p id="idle-title">You will be signed out in {left} seconds because Hearth has not been used.</p>
      <button
        type="button"
        onClick={() => {
          clock.current.touch(Date.now());
          loadSession().catch(() => undefined);
        }}
      >
        Stay signed in
      </button>
      <div hidden>
        <SignOutForm reason="idle" formRef={form} />
      </div>
    </div>
  );
}
