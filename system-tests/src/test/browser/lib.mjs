// What every browser journey shares: where the console is, Chromium, sign-in through Keycloak's own page, checks that
// print one "ok - …" line each (ConsoleBrowserIT looks for them), screenshots and axe-core.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const base = (process.env.HEARTH_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const screenshots = resolve(process.env.SCREENSHOTS ?? 'screenshots');
export const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const password = process.env.HEARTH_DEMO_PASSWORD ?? 'Hearth-Demo-2026';
export const timeout = Number(process.env.STEP_TIMEOUT_MS ?? 30000);

if (!existsSync(executablePath)) {
  console.error(`CHROMIUM MISSING: ${executablePath} does not exist. Install it with: apt-get install -y chromium`);
  process.exit(2);
}
mkdirSync(screenshots, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2 A/AA rules on the page as it is: no serious or critical violation. */
export async function accessible(page, what) {
  await page.evaluate(axeSource); // evaluated by the driver: the console's CSP rightly forbids inline scripts
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  check(violations.length === 0, `${what}: no serious accessibility violation (axe-core, WCAG 2 AA)${violations.length ? '\n  ' + violations.join('\n  ') : ''}`);
}

let lastCheck = Date.now();

/** One "ok - …" line per check, with the time the step took since the previous check (the journeys' step timings). */
export function check(condition, what) {
  if (!condition) throw new Error(`FAILED: ${what}`);
  const now = Date.now();
  console.log(`ok - ${what} [+${now - lastCheck} ms]`);
  lastCheck = now;
}

export async function shot(page, name) {
  const file = join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`screenshot ${file}`);
}

/** Waits until no section says "Loading …" any more. */
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[role="status"].loading'), null, { timeout });
}

export async function signIn(page, username) {
  await page.goto(`${base}/console/`);
  await page.waitForURL(/\/realms\/hearth\/protocol\/openid-connect\/auth|\/login-actions\//, { timeout });
  check(new URL(page.url()).searchParams.get('code_challenge_method') === 'S256' || page.url().includes('login-actions'),
    `${username}: the console sends the browser to Keycloak's own sign-in page with PKCE`);
  await page.fill('#username', username);
  if (!(await page.locator('#password').isVisible())) {
    // organizations on: Keycloak asks for the username first, then the password on a second page
    await page.click('#kc-login');
    await page.locator('#password').waitFor({ timeout });
  }
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/console/**`, { timeout }), page.click('#kc-login')]);
  check(page.url().startsWith(`${base}/console/`), `${username}: back on the console after signing in (${page.url()})`);
}

export async function noTokensInTheBrowser(page, who) {
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  check(!/eyJ[\w-]+\.[\w-]+\./.test(stored), `${who}: no token in localStorage or sessionStorage`);
  const cookies = await page.evaluate(() => document.cookie);
  check(!cookies.includes('HEARTH_SESSION'), `${who}: the session cookie is HTTP-only (scripts cannot read it)`);
  const all = await page.context().cookies(`${base}/console/`);
  const session = all.find((c) => c.name === 'HEARTH_SESSION');
  check(session && session.httpOnly && session.sameSite === 'Lax', `${who}: session cookie is HttpOnly and SameSite=Lax`);
}

export async function signOut(page, who) {
  await Promise.all([page.waitForURL(`${base}/console/signed-out**`, { timeout }), page.getByRole('button', { name: 'Sign out' }).click()]);
  await page.getByText('You are signed out.').waitFor({ timeout });
  check(true, `${who}: signing out ends on the console's signed-out page`);
  await page.goto(`${base}/console/`);
  await page.waitForURL(/\/realms\/hearth\//, { timeout });
  check(await page.locator('#kc-login').isVisible(), `${who}: after signing out Keycloak asks for the password again`);
}


/** Calls the console API from a signed-in page (session cookie + CSRF header), answering status, ETag and body. */
export async function consoleCall(page, method, path, body, headers = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const xsrf = decodeURIComponent(document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN='))?.slice(11) ?? '');
      const response = await fetch(`/console/api${path}`, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, etag: response.headers.get('ETag'), json: text ? JSON.parse(text) : null };
    },
    { method, path, body, headers },
  );
}

/** {@link consoleCall}, failing with the call and its answer unless the status is 2xx. */
export async function consoleCallOk(page, method, path, body, headers = {}) {
  const answer = await consoleCall(page, method, path, body, headers);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
  return answer;
}

/** Jane Doe of the demo, as the signed-in person's patient list has her. */
export async function janeDoe(page) {
  const patients = (await consoleCallOk(page, 'GET', '/patients/v1/patients?size=200')).json;
  return patients.items.find((p) => p.givenName === 'Jane' && p.familyName === 'Doe');
}

/** Scheduling's view of Jane Doe's SN prior authorization (booking her SN visits needs it approved). */
export async function janeSnAuthorization(page) {
  const jane = await janeDoe(page);
  const uses = (await consoleCallOk(page, 'GET', `/scheduling/v1/patients/${jane.id}/authorizations`)).json;
  return uses.find((u) => u.discipline === 'SN') ?? null;
}

/**
 * The demo admits Jane with draft authorizations. As JaneJourneyIT does, billing submits the SN one and records the
 * payer's approval (an approved one is left as it is), and scheduling learns of it by event.
 */
export async function approveJaneSnAuthorization(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, 'carla.coordinator');
  const sn = await janeSnAuthorization(page);
  if (sn && sn.status !== 'APPROVED') {
    const billing = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const billPage = await billing.newPage();
    billPage.setDefaultTimeout(timeout);
    await signIn(billPage, 'bill.billing');
    const path = `/billing/v1/authorizations/${sn.authorizationId}`;
    let auth = (await consoleCallOk(billPage, 'GET', path)).json;
    if (auth.status === 'DRAFT') auth = (await consoleCallOk(billPage, 'POST', `${path}/submission`, { expedited: false })).json;
    if (auth.status === 'PENDING') {
      auth = (await consoleCallOk(billPage, 'POST', `${path}/decision`, { decision: 'APPROVED', approvedUnits: auth.requestedUnits })).json;
    }
    check(auth.status === 'APPROVED', `billing has Jane Doe's SN prior authorization approved so that visits can be booked (${auth.status})`);
    await signOut(billPage, 'bill.billing');
    await billing.close();
    for (let i = 0; i < 30 && (await janeSnAuthorization(page))?.status !== 'APPROVED'; i++) await page.waitForTimeout(1000);
    check((await janeSnAuthorization(page))?.status === 'APPROVED', 'scheduling learns of the approval (by event)');
  }
  await signOut(page, 'carla.coordinator');
  await context.close();
}
