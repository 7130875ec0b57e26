// The web console in a real browser: Debian's Chromium driven by playwright-core (never a downloaded browser), signing
// in through the real Keycloak page. Run by ConsoleBrowserIT, or by hand against any running stack:
//   HEARTH_BASE_URL=http://127.0.0.1:58080 SCREENSHOTS=../../../target/screenshots node console.mjs
// Exits non-zero on the first failed check; prints one line per check.
//   node console.mjs                 every journey, in order
//   node console.mjs schedule ...    only the named journeys (the names of JOURNEYS below)
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { accessible, base, check, consoleCall, executablePath, janeDoe, noTokensInTheBrowser, screenshots, settled, shot, signIn, signOut,
  timeout, password } from './lib.mjs';
import chart from './chart.mjs';
import schedule from './schedule.mjs';
import roster from './roster.mjs';
import visits from './visits.mjs';
import intake from './intake.mjs';
import optimizer from './optimizer.mjs';
import family from './family.mjs';
import careplan from './careplan.mjs';
import billing from './billing.mjs';
import trust from './trust.mjs';

/** Sign-in, each persona's first page, the family portal and what the family member may not reach, sign-out. */
async function basics(browser) {
  // --- coordinator -------------------------------------------------------------------------------------------------
  const coordinator = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const coordinatorPage = await coordinator.newPage();
  {
    const page = coordinatorPage;
    page.setDefaultTimeout(timeout);
    await signIn(page, 'carla.coordinator');
    await page.waitForURL(`${base}/console/dashboard`, { timeout });
    await page.getByRole('heading', { name: 'Agency dashboard' }).waitFor();
    await settled(page);
    for (const section of ["Today's visits", 'Unassigned visits this week', 'Missed visits', 'Open alerts by severity',
      'Overdue transition-of-care tasks', 'Authorizations low or overdue']) {
      check(await page.getByRole('region', { name: section }).isVisible(), `coordinator dashboard shows "${section}"`);
    }
    check((await page.locator('.error').count()) === 0, 'coordinator dashboard: every section loaded without an error');
    await shot(page, 'coordinator-dashboard');
    await accessible(page, 'coordinator dashboard');
    await noTokensInTheBrowser(page, 'coordinator');

    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('heading', { name: 'Patients' }).waitFor();
    await settled(page);
    const jane = page.getByRole('link', { name: /Doe, Jane/ });
    check(await jane.first().isVisible(), 'coordinator patient list shows the demo patient Jane Doe');
    await page.getByLabel('Search by name').fill('jane');
    check(await jane.first().isVisible(), 'searching "jane" keeps Jane Doe');
    await shot(page, 'coordinator-patients');
    await accessible(page, 'patient list');
    await jane.first().click();
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await settled(page);
    for (const section of ['Summary', 'Care team', 'Plan of care', 'Care circle', 'Plan versions', 'Alerts', 'Upcoming visits']) {
      check(await page.getByRole('region', { name: section, exact: true }).isVisible(), `the chart of Jane Doe shows "${section}"`);
    }
    check((await page.locator('.error').count()) === 0, 'the chart of Jane Doe shows no error');
    await shot(page, 'coordinator-patient-chart');
    await accessible(page, 'patient chart');
    await page.reload();
    await settled(page);
    const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim());
    await page.keyboard.press('Tab');
    check((await focused()) === 'Skip to content', 'keyboard: the first Tab reaches "Skip to content"');
    await page.keyboard.press('Enter');
    check((await focused()) === 'main', 'keyboard: "Skip to content" moves focus to the page content');
    await page.keyboard.press('Tab');
    check((await focused()) === '← All patients', 'keyboard: the next Tab reaches the first link of the content');
  }

  // --- family ------------------------------------------------------------------------------------------------------
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await signIn(page, 'fran.family');
    await page.waitForURL(`${base}/console/family`, { timeout });
    await page.getByRole('heading', { name: 'Family portal' }).waitFor();
    await settled(page);
    check((await page.locator('.error').count()) === 0, 'family portal loaded without an error');
    check((await page.getByRole('link', { name: 'Dashboard' }).count()) === 0, 'family menu offers no staff page');

    // the coordinator (still signed in) shares Jane's care with Fran: a CSRF-protected PUT with If-Match through the BFF
    const fran = await page.evaluate(async () => (await (await fetch('/console/session')).json()).subject);
    const jane = await janeDoe(coordinatorPage);
    const circlePath = `/patients/v1/patients/${jane.id}/care-circle`;
    const current = await consoleCall(coordinatorPage, 'GET', circlePath);
    // whatever else Fran was allowed stays allowed (the trust journey reads her ACCESS_LOG consent), and she keeps the
    // name the circle knows her by (the demo's "Fran Doe"): the privacy officer's queue names the asker by it
    const herEntry = (current.json.members ?? []).find((m) => m.subject === fran);
    const hers = herEntry?.scopes ?? [];
    const others = (current.json.members ?? []).filter((m) => m.subject !== fran).map((m) => ({
      subject: m.subject, displayName: m.displayName, relationship: m.relationship, pointOfContact: m.pointOfContact, scopes: m.scopes }));
    const shared = (await consoleCall(coordinatorPage, 'PUT', circlePath, { members: [...others, { subject: fran,
      displayName: herEntry?.displayName ?? 'Fran Doe', relationship: 'daughter', pointOfContact: true,
      scopes: [...new Set([...hers, 'SCHEDULE', 'CARE_PLAN_SUMMARY', 'MESSAGES', 'VITALS'])] }] }, { 'If-Match': current.etag })).status;
    check(shared === 200, `the coordinator adds Fran to Jane Doe's care circle through the console API (got ${shared})`);

    // the family thread follows the care circle by event: reload until it is there
    // other tests may have put Fran in more circles: everything below is about Jane Doe's card
    const janeCard = page.getByRole('article', { name: 'Jane Doe' });
    const compose = janeCard.getByLabel('Write to the care team');
    for (let attempt = 0; attempt < 20 && !(await compose.isVisible()); attempt++) {
      await page.waitForTimeout(1500);
      await page.reload();
      await settled(page);
    }
    check(await page.getByRole('heading', { name: 'Jane Doe' }).isVisible(), 'family portal shows Jane Doe, whose care circle lists Fran');
    for (const section of ['Upcoming visits', 'Plan of care in brief', 'Family messages']) {
      check(await janeCard.getByRole('region', { name: section }).isVisible(), `family portal shows "${section}"`);
    }
    const note = `Mum slept well last night (${new Date().toISOString()})`;
    await compose.fill(note);
    await janeCard.getByRole('button', { name: 'Send' }).click();
    await janeCard.locator('.messages li', { hasText: note }).waitFor();
    check(await compose.inputValue() === '', 'family member writes to the care team: the message is in the family thread');
    await coordinatorPage.getByRole('status').filter({ hasText: 'You have a new message' }).waitFor({ timeout });
    check(true, 'live: the coordinator, on another page, is told of Fran\'s message without reloading');
    // the coordinator answers in the family thread (coordinators take part in it); Fran's open page shows it live
    const reply = `Thank you, Fran. Nina comes tomorrow as planned (${new Date().toISOString()})`;
    const threads = (await consoleCall(coordinatorPage, 'GET', '/messaging/v1/threads?size=200')).json;
    const family = threads.items.find((t) => t.kind === 'FAMILY' && t.patientId === jane.id);
    const replied = family
      ? (await consoleCall(coordinatorPage, 'POST', `/messaging/v1/threads/${family.id}/messages`, { body: reply })).status
      : 'no family thread';
    check(replied === 201, `the coordinator answers in Jane Doe's family thread (got ${replied})`);
    await janeCard.locator('.messages li', { hasText: reply }).waitFor({ timeout });
    check(true, 'live: the coordinator\'s answer appears in Fran\'s family thread without reloading');
    check((await page.locator('.error').count()) === 0, 'family portal shows no error');

    // an expired session (the gateway forgot it): the next call says so, and signing in again returns to the page
    await context.clearCookies({ name: 'HEARTH_SESSION' });
    await compose.fill('Are you there?');
    await janeCard.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Your session has ended. Please sign in again.').waitFor();
    check(true, 'an expired session is announced in the page, not as a broken page');
    await Promise.all([page.waitForURL(/\/realms\/hearth\/|\/console\/family/, { timeout }),
      page.getByRole('link', { name: 'Sign in again' }).click()]);
    if (await page.locator('#username, #password').first().isVisible().catch(() => false)) {
      if (await page.locator('#username').isVisible()) await page.fill('#username', 'fran.family');
      if (!(await page.locator('#password').isVisible())) {
        await page.click('#kc-login');
        await page.locator('#password').waitFor({ timeout });
      }
      await page.fill('#password', password);
      await Promise.all([page.waitForURL(`${base}/console/**`, { timeout }), page.click('#kc-login')]);
    }
    await page.waitForURL(`${base}/console/family`, { timeout });
    await page.getByRole('heading', { name: 'Family portal' }).waitFor();
    await settled(page);
    check(true, 'signing in again after the session expired returns to the family portal');
    await shot(page, 'family-portal');
    await accessible(page, 'family portal');
    await noTokensInTheBrowser(page, 'family');

    for (const staffPage of ['/console/dashboard', '/console/patients', '/console/authorizations']) {
      await page.goto(`${base}${staffPage}`);
      await page.getByRole('heading', { name: 'Not available' }).waitFor();
      check(true, `family member opening ${staffPage} is told the page is not available`);
    }
    await shot(page, 'family-forbidden-staff-page');
    const billing = await page.evaluate(async () => (await fetch('/console/api/billing/v1/authorizations')).status);
    check(billing === 403, `family member calling billing through the console API gets 403 (got ${billing})`);
    const board = await page.evaluate(async () => (await fetch('/console/api/scheduling/v1/board')).status);
    check(board === 403, `family member calling the schedule board gets 403 (got ${board})`);
    const forged = await page.evaluate(async () =>
      (await fetch('/console/api/messaging/v1/threads', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
    check(forged === 403, `a write without the CSRF header is refused with 403 (got ${forged})`);
    await signOut(page, 'family');
    await context.close();
  }

  await signOut(coordinatorPage, 'coordinator');
  await coordinator.close();

  // --- clinician and physician: their own first page ------------------------------------------------------------------
  for (const [username, home, heading, shotName] of [
    ['nina.nurse', '/console/my-day', 'My day', 'clinician-my-day'],
    ['dr.patel', '/console/inbox', 'Signatures and alerts', 'physician-inbox'],
  ]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await signIn(page, username);
    await page.waitForURL(`${base}${home}`, { timeout });
    await page.getByRole('heading', { name: heading }).waitFor();
    await settled(page);
    check((await page.locator('.error').count()) === 0, `${username} lands on "${heading}" without an error`);
    await shot(page, shotName);
    await accessible(page, heading);
    await page.goto(`${base}/console/family`);
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    check(true, `${username} opening the family portal is told it is not for them`);
    await signOut(page, username);
    await context.close();
  }
}

// Each journey signs in its own personas in fresh browser contexts; they run in this order.
const JOURNEYS = { basics, chart, visits, schedule, roster, careplan, family, billing, intake, optimizer, trust };

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in JOURNEYS));
if (unknown.length) {
  console.error(`unknown journeys ${unknown.join(', ')}; known: ${Object.keys(JOURNEYS).join(', ')}`);
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-dev-shm-usage'],
});
let failed = false;
const timings = [];
try {
  for (const [name, journey] of Object.entries(JOURNEYS)) {
    if (wanted.length === 0 || wanted.includes(name)) {
      console.log(`# journey ${name}`);
      const started = Date.now();
      await journey(browser);
      timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(`# journey ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }
} catch (error) {
  failed = true;
  console.error(error.message ?? error);
  for (const context of browser.contexts()) {
    for (const page of context.pages()) {
      await page.screenshot({ path: join(screenshots, 'failure.png'), fullPage: true }).catch(() => undefined);
      console.error(`failure screenshot at ${join(screenshots, 'failure.png')} (page ${page.url()})`);
    }
  }
} finally {
  console.log(`# journey timings: ${timings.join(', ')}`);
  await browser.close();
}
process.exit(failed ? 1 : 0);
