// The clinical side of the console: the coordinator reads Jane Doe's vitals chart and what a draft changes in her plan;
// Dr. Patel reviews that draft's differences and signs it, and resolves an open alert; billing reads claim readiness;
// Fran enters a vital sign in the family portal and finds the agency's caregiver resources.
// Robust when run twice: it drafts a plan revision (toggling one intervention) only when no draft is open, raises an
// alert (one high systolic reading) only when none is waiting, and adds VITALS to Fran's consent only if missing.
import { accessible, base, check, consoleCall as call, janeDoe, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const TOGGLED = 'Check both ankles for swelling at each visit';

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page };
}

export default async function chart(browser) {
  let janeId;
  let draftNumber;

  // --- coordinator: prepares a draft, an alert and Fran's consent through the API, then reads the chart -------------
  {
    const { context, page } = await newPage(browser);
    await signIn(page, 'carla.coordinator');
    await page.waitForURL(`${base}/console/dashboard`, { timeout });
    janeId = (await janeDoe(page))?.id;
    check(Boolean(janeId), 'chart: the demo patient Jane Doe is listed for the coordinator');
    const planPath = `/patients/v1/patients/${janeId}/care-plan`;

    let plan = await call(page, 'GET', planPath);
    if (!plan.json.draft) {
      const content = structuredClone(plan.json.active.content);
      content.interventions = content.interventions.includes(TOGGLED)
        ? content.interventions.filter((i) => i !== TOGGLED)
        : [...content.interventions, TOGGLED];
      const written = await call(page, 'PUT', `${planPath}/draft`, content, { 'If-Match': plan.etag });
      check(written.status === 200, `chart: the coordinator drafts a plan revision through the API (got ${written.status})`);
      plan = written;
    }
    draftNumber = plan.json.draft.number;

    const alertsPath = `/patients/v1/patients/${janeId}/alerts`;
    const open = await call(page, 'GET', `${alertsPath}?status=OPEN&size=50`);
    const acknowledged = await call(page, 'GET', `${alertsPath}?status=ACKNOWLEDGED&size=50`);
    if (open.json.items.length + acknowledged.json.items.length === 0) {
      const reading = { id: crypto.randomUUID(), vital: 'SYSTOLIC_BP', value: 166, unit: 'mm[Hg]', observedAt: new Date(Date.now() - 60_000).toISOString() };
      const recorded = await call(page, 'POST', `/patients/v1/patients/${janeId}/observations`, { observations: [reading] });
      check(recorded.status === 200 && recorded.json.accepted === 1, `chart: a systolic reading of 166 mmHg is recorded to raise an alert (got ${recorded.status})`);
    }
    // a few everyday readings, so that the charts have lines to draw
    const now = Date.now();
    const everyday = [0, 1, 2].flatMap((daysAgo) => [
      { id: crypto.randomUUID(), vital: 'HEART_RATE', value: 70 + daysAgo * 3, unit: '/min', observedAt: new Date(now - (daysAgo * 24 + 2) * 3600_000).toISOString() },
      { id: crypto.randomUUID(), vital: 'WEIGHT', value: 71.4 + daysAgo * 0.2, unit: 'kg', observedAt: new Date(now - (daysAgo * 24 + 2) * 3600_000).toISOString() },
    ]);
    await call(page, 'POST', `/patients/v1/patients/${janeId}/observations`, { observations: everyday });

    const circlePath = `/patients/v1/patients/${janeId}/care-circle`;
    const circle = await call(page, 'GET', circlePath);
    const fran = circle.json.members.find((m) => m.relationship === 'daughter' && m.subject);
    if (fran && !fran.scopes.includes('VITALS')) {
      const members = circle.json.members.map((m) => ({
        subject: m.subject, displayName: m.displayName, relationship: m.relationship, pointOfContact: m.pointOfContact,
        scopes: m === fran ? [...m.scopes, 'VITALS'] : m.scopes,
      }));
      const put = await call(page, 'PUT', circlePath, { members }, { 'If-Match': circle.etag });
      check(put.status === 200, `chart: the coordinator adds vital signs to Fran's consent (got ${put.status})`);
    }

    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: /Doe, Jane/ }).first().click();
    await page.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await settled(page);
    const vitals = page.getByRole('region', { name: /Vital signs, last 30 days/ });
    await vitals.getByRole('img', { name: /Blood pressure, systolic/ }).waitFor();
    check(await vitals.getByRole('img', { name: /Heart rate/ }).isVisible(), 'coordinator sees the vitals charts of Jane Doe (systolic pressure, heart rate)');
    check((await vitals.locator('svg .limit text', { hasText: '≥ 160 high' }).count()) > 0, 'the systolic chart draws the alert threshold at 160 as a labelled line');
    await vitals.getByText(/Blood pressure, systolic: the (\d+ readings|reading) as a table/).click();
    check(await vitals.getByRole('table', { name: /Blood pressure, systolic readings/ }).isVisible(), 'the readings are also a data table for screen readers');
    const versions = page.getByRole('region', { name: 'Plan versions' });
    await versions.getByText(new RegExp(`From version ${draftNumber - 1} to version ${draftNumber}:`)).waitFor();
    check(await versions.getByLabel('Newer version').inputValue() === String(draftNumber), `the plan diff compares version ${draftNumber - 1} with the draft, version ${draftNumber}, by default`);
    check((await versions.locator('.mark').filter({ hasText: /^(Added|Removed|Changed):$/ }).count()) > 0, 'coordinator sees what the draft changes, each line marked in words');
    check((await page.locator('.error').count()) === 0, 'the clinical chart of Jane Doe shows no error');
    await shot(page, 'coordinator-patient-chart-clinical');
    await accessible(page, 'clinical patient chart');
    await signOut(page, 'coordinator (chart)');
    await context.close();
  }

  // --- physician: reviews the draft's differences and signs it; resolves an alert ------------------------------------
  {
    const { context, page } = await newPage(browser);
    await signIn(page, 'dr.patel');
    await page.waitForURL(`${base}/console/inbox`, { timeout });
    await settled(page);
    const drafts = page.getByRole('region', { name: 'Plans waiting for signature' });
    const item = drafts.locator('li', { has: page.getByRole('heading', { name: new RegExp(`Jane Doe: draft version ${draftNumber}`) }) });
    await item.waitFor();
    await item.getByText(new RegExp(`From version ${draftNumber - 1} to version ${draftNumber}:`)).waitFor();
    check(await item.getByText(TOGGLED).isVisible(), `dr.patel reviews what draft version ${draftNumber} changes before signing`);
    const sign = item.getByRole('button', { name: `Sign version ${draftNumber}` });
    check(await sign.isDisabled(), 'signing waits until the physician confirms the review');
    await accessible(page, 'physician inbox with a draft to review');
    await item.getByLabel(new RegExp(`I have reviewed the changes in version ${draftNumber}`)).check();
    await sign.click();
    await drafts.getByRole('status').filter({ hasText: `Version ${draftNumber} of Jane Doe's plan is signed and now active.` }).waitFor();
    await item.waitFor({ state: 'detached' });
    check(true, `dr.patel signs plan version ${draftNumber} of Jane Doe after reviewing the diff: it leaves the list`);
    await shot(page, 'physician-signed-plan');

    // the alert travels by event: reload until Jane's alert is in the inbox
    const inbox = page.getByRole('region', { name: 'Alerts not yet resolved' });
    const resolveButton = inbox.getByRole('button', { name: /^Resolve .*alert/ }).first();
    for (let attempt = 0; attempt < 20 && !(await resolveButton.isVisible()); attempt++) {
      await page.waitForTimeout(1500);
      await page.reload();
      await settled(page);
    }
    check(await resolveButton.isVisible(), 'dr.patel has an alert to act on in the inbox');
    const acknowledge = inbox.getByRole('button', { name: /^Acknowledge .*alert/ }).first();
    if (await acknowledge.isVisible()) {
      await acknowledge.click();
      await inbox.getByRole('status').filter({ hasText: 'is acknowledged.' }).waitFor();
      check(true, 'dr.patel acknowledges an open alert');
    }
    await settled(page);
    const count = await inbox.getByRole('button', { name: /^Resolve .*alert/ }).count();
    await inbox.getByRole('button', { name: /^Resolve .*alert/ }).first().click();
    await inbox.getByRole('button', { name: 'Resolve alert' }).click();
    await inbox.getByRole('alert').filter({ hasText: 'Write a note on what was done about the alert.' }).waitFor();
    check(true, 'resolving without a note is refused with a sentence');
    await inbox.getByLabel('What was done (required)').fill('Reviewed the readings with the patient; plan signed.');
    await inbox.getByRole('button', { name: 'Resolve alert' }).click();
    await inbox.getByRole('status').filter({ hasText: 'is resolved.' }).waitFor();
    let left = count;
    for (let attempt = 0; attempt < 20 && left !== count - 1; attempt++) {
      await page.waitForTimeout(500); // the list refreshes in place
      left = await inbox.getByRole('button', { name: /^Resolve .*alert/ }).count();
    }
    check(left === count - 1, `dr.patel resolves the alert with a note: it leaves the inbox (${count} → ${left})`);
    await accessible(page, 'physician inbox');
    await signOut(page, 'dr.patel (chart)');
    await context.close();
  }

  // --- billing: claim readiness ---------------------------------------------------------------------------------
  {
    const { context, page } = await newPage(browser);
    await signIn(page, 'bill.billing');
    await page.waitForURL(`${base}/console/authorizations`, { timeout });
    await settled(page);
    const readiness = page.getByRole('region', { name: 'Claim readiness' });
    await readiness.getByRole('table', { name: 'Claim readiness by patient' }).waitFor();
    const jane = readiness.getByRole('row', { name: /Jane Doe/ });
    check(await jane.isVisible(), 'billing sees claim readiness per patient, Jane Doe included');
    check(/Ready|Blocked|Nothing to bill/.test(await jane.innerText()), `billing reads whether Jane Doe's claims are ready or what blocks them ("${(await jane.innerText()).replace(/\s+/g, ' ').trim()}")`);
    check((await page.locator('.error').count()) === 0, 'the billing page shows no error');
    await shot(page, 'billing-claim-readiness');
    await accessible(page, 'claim readiness');
    await signOut(page, 'billing');
    await context.close();
  }

  // --- family: a vital sign, caregiver resources -----------------------------------------------------------------
  {
    const { context, page } = await newPage(browser);
    await signIn(page, 'fran.family');
    await page.waitForURL(`${base}/console/family`, { timeout });
    await settled(page);
    const card = page.getByRole('article', { name: 'Jane Doe' });
    const vitals = card.getByRole('region', { name: 'Vital signs' });
    await vitals.waitFor();
    if (await vitals.getByRole('button', { name: 'Save reading' }).isVisible()) {
      await vitals.getByLabel('What you measured').selectOption('HEART_RATE');
      await vitals.getByLabel('Reading').fill('300000');
      await vitals.getByRole('button', { name: 'Save reading' }).click();
      await vitals.getByRole('alert').filter({ hasText: /is not possible; it must be between 20 and 300/ }).waitFor();
      check(true, 'family: an impossible reading is explained in a sentence, nothing is sent');
      await vitals.getByLabel('Reading').fill('72');
      await vitals.getByRole('button', { name: 'Save reading' }).click();
      await vitals.getByRole('status').filter({ hasText: 'Saved: heart rate 72' }).waitFor();
      await vitals.getByRole('listitem').filter({ hasText: /^Heart rate: 72 beats\/min/ }).first().waitFor();
      check(true, 'family member enters a heart rate reading for Jane Doe: it is among the latest readings');
    } else {
      check(await vitals.getByText(/consent does not include vital signs/).isVisible(), "family: without the VITALS consent the card says why there is no form");
    }
    const resources = page.getByRole('region', { name: 'Resources for caregivers' });
    await resources.waitFor();
    const said = (await resources.innerText()).replace(/\s+/g, ' ');
    check(!/Something went wrong/.test(said), `family member sees the caregiver resources section ("${said.slice(0, 80)}…")`);
    check((await page.locator('.error').count()) === 0, 'family portal with vitals shows no error');
    check((await page.getByText(/billing|claim/i).count()) === 0, 'family portal shows nothing of billing');
    await shot(page, 'family-portal-vitals');
    await accessible(page, 'family portal with vitals');
    await signOut(page, 'family (chart)');
    await context.close();
  }
}
