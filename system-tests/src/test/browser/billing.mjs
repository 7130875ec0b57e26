// The billing clerk's day in the console, and three states of the coordinator's pages. Bill Billing records a
// coverage for Jane Doe, checks its eligibility with the payer and reads the answer, submits her draft prior
// authorizations and records the payer's approvals (a second tab of his follows live, with no 403 on the stream),
// sees claim readiness change, filters the billable lines and downloads them as CSV. Carla opens an unknown patient
// (one not-found page), follows a dashboard alert counter to the alerts, and is told by name who wrote about whom.
// Everything is done through the UI; the journey reads nothing through the API. Repeatable: it looks before it
// creates (a coverage already recorded is edited; without a draft authorization, one is requested first).
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { accessible, base, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const PAYER = 'Prairie Medicare Advantage';
/** Members whose id starts with A are active at the payer simulator (I inactive, N not found, S slow, E error). */
const SECONDARY = { payer: 'Medicare Part A', memberId: 'A-JDOE-MEDA', priority: 'SECONDARY' };

function isoDay(date) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(date);
}

function addDays(iso, days) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'America/New_York', locale: 'en-US', acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page };
}

/** Follows the live stream's answers on a page: the console opens it on every page. */
export function watchStream(page) {
  const statuses = [];
  page.on('response', (response) => {
    if (response.url().includes('/messaging/v1/stream')) statuses.push(response.status());
  });
  return statuses;
}

export async function openBillingPage(page, title, heading = title) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await settled(page);
}

/** Records (or, when the member is already there, edits) a coverage of the patient on the workbench. */
export async function recordCoverage(page, patientName, { payer, memberId, priority, plan, from }) {
  await openBillingPage(page, 'Billing workbench');
  await page.getByRole('region', { name: 'Coverage and eligibility' }).getByLabel('Patient').selectOption({ label: patientName });
  await page.getByRole('heading', { name: `Coverage of ${patientName}`, level: 3 }).waitFor();
  await settled(page);
  const row = page.locator(`tr[data-member="${memberId}"]`);
  const editing = (await row.count()) > 0;
  if (editing) {
    await page.getByRole('button', { name: `Edit coverage ${payer} member ${memberId}` }).click();
  } else {
    await page.getByRole('button', { name: 'Add a coverage' }).click();
  }
  const form = page.getByRole('form', { name: editing ? 'Edit the coverage' : 'Add a coverage' });
  await form.getByLabel('Payer').selectOption({ label: payer });
  await form.getByLabel('Member id').fill(memberId);
  await form.getByLabel('Plan').fill(plan);
  await form.getByLabel('Order').selectOption(priority);
  await form.getByLabel('Covered from').fill(from);
  await form.getByRole('button', { name: 'Save coverage' }).click();
  await page.getByRole('status').filter({ hasText: `(member ${memberId}) saved for ${patientName}` }).waitFor();
  await row.filter({ hasText: plan }).waitFor(); // an edited row is there before: wait for the saved plan
  check((await row.innerText()).includes(plan),
    `billing ${editing ? 'edits' : 'records'} ${patientName}'s ${priority.toLowerCase()} coverage with ${payer} (member ${memberId}, plan "${plan}") on the workbench`);
}

/** Asks the payer (simulator) about the member's eligibility and reads the answer in the page. */
export async function checkEligibility(page, patientName, { payer, memberId }) {
  const started = Date.now();
  await page.getByRole('button', { name: `Check eligibility of ${payer} member ${memberId}` }).click();
  const answer = page.getByRole('status').filter({ hasText: `Eligibility with ${payer}:` });
  await answer.waitFor();
  const text = (await answer.innerText()).trim();
  check(/Active: the payer covers home health/.test(text), `billing checks the eligibility of ${patientName} with ${payer} and reads the answer in ${Date.now() - started} ms: "${text}"`);
  const cell = page.locator(`tr[data-member="${memberId}"] td.eligibility`);
  await cell.filter({ hasText: 'Active' }).waitFor();
  check(true, 'the coverage row shows the latest eligibility answer');
}

/** The patient's authorizations rows on the Authorizations page (opened from the menu if need be), filtered to them. */
async function rowsOf(page, patientName) {
  if (!(await page.getByRole('heading', { name: 'Prior authorizations', level: 1 }).isVisible())) {
    await openBillingPage(page, 'Authorizations', 'Prior authorizations');
  }
  await page.locator('main').getByLabel('Patient', { exact: true }).first().selectOption({ label: patientName });
  return page.locator(`table.authorizations tr[data-patient="${patientName}"]`);
}

/** Requests an authorization by hand when the patient has none to submit or decide (a later run of the journey). */
export async function draftIfNone(page, patientName, { discipline = 'OT', label = 'Occupational therapy', units = 4 } = {}) {
  const rows = await rowsOf(page, patientName);
  const waiting = await page.locator(`table.authorizations tr[data-patient="${patientName}"]:is([data-status="DRAFT"], [data-status="PENDING"], [data-status="APPEALED"])`).count();
  if (waiting > 0) return false;
  // after every OT authorization of the patient (an open one of the same payer and dates would be a duplicate)
  const ends = await rows.evaluateAll((trs, d) => trs.filter((tr) => tr.dataset.discipline === d).map((tr) => tr.dataset.to), discipline);
  const today = isoDay(new Date());
  const latest = ends.sort().at(-1);
  const from = latest && latest >= today ? addDays(latest, 1) : today;
  const form = page.getByRole('region', { name: 'Request an authorization' });
  await form.getByLabel('Patient').selectOption({ label: patientName });
  await form.getByLabel('Payer').selectOption({ label: PAYER });
  await form.getByLabel('Discipline').selectOption({ label });
  await form.getByLabel('Units requested').fill(String(units));
  await form.getByLabel('First day').fill(from);
  await form.getByLabel('Last day').fill(addDays(from, 29));
  await form.getByRole('button', { name: 'Draft the request' }).click();
  await page.getByRole('status').filter({ hasText: `Drafted the ${label} authorization of ${patientName}` }).waitFor();
  check(true, `billing requests ${/^[AEIOU]/.test(label) ? 'an' : 'a'} ${label} authorization for ${patientName} by hand (${from}, ${units} units): a draft`);
  return { from, to: addDays(from, 29) };
}

/**
 * Submits every draft authorization of the patient and records the payer's approval of every submitted one, through
 * the buttons of the Authorizations page. Answers the ids it approved.
 */
export async function approveAuthorizations(page, patientName) {
  await rowsOf(page, patientName);
  const approved = [];
  for (let round = 0; round < 10; round++) {
    const draft = page.locator(`table.authorizations tr[data-patient="${patientName}"][data-status="DRAFT"]`).first();
    if (await draft.count()) {
      const id = await draft.getAttribute('data-id');
      await draft.getByRole('button', { name: /^Submit the / }).click();
      await page.getByRole('status').filter({ hasText: /^Submitted the .* the decision is due/ }).waitFor();
      await page.locator(`tr[data-id="${id}"][data-status="PENDING"]`).waitFor();
      check(true, `billing submits a draft authorization of ${patientName} to the payer: the decision is due within 7 days`);
      continue;
    }
    const pending = page.locator(`table.authorizations tr[data-patient="${patientName}"]:is([data-status="PENDING"], [data-status="APPEALED"])`).first();
    if (!(await pending.count())) break;
    const id = await pending.getAttribute('data-id');
    await pending.getByRole('button', { name: /^Record the decision on / }).click();
    const form = page.getByRole('region', { name: /^Decision on the / });
    await form.getByLabel('The payer').selectOption('APPROVED');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').filter({ hasText: /^Recorded the payer's decision on .*: approved/ }).waitFor();
    await page.locator(`tr[data-id="${id}"][data-status="APPROVED"]`).waitFor();
    const units = (await page.locator(`tr[data-id="${id}"]`).innerText()).match(/\d+ of \d+ used, \d+ left/)?.[0];
    check(Boolean(units), `billing records the payer's approval of ${patientName}'s authorization with its units (${units})`);
    approved.push(id);
  }
  return approved;
}

function readinessRow(page, patientName) {
  return page.getByRole('table', { name: 'Claim readiness by patient' }).locator(`tr[data-patient="${patientName}"]`);
}

/** Filters the billable lines to the patient and downloads them as CSV; answers the header and the lines. */
export async function downloadLines(page, patientName) {
  await openBillingPage(page, 'Billable lines');
  const filters = page.getByRole('region', { name: 'Which lines' });
  await filters.getByLabel('Patient').selectOption({ label: patientName });
  await filters.getByLabel('Status').selectOption('');
  await filters.getByRole('button', { name: 'Show lines' }).click();
  await settled(page);
  const shown = await page.locator('table.billable-lines tbody tr').count();
  check(shown > 0 || (await page.getByText('No billable line matches.').isVisible()),
    `billing filters the billable lines to ${patientName} and the last 90 days: ${shown} line(s) on the first page`);
  const [download] = await Promise.all([page.waitForEvent('download'), filters.getByRole('link', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').split('\r\n').filter(Boolean);
  return { csv, shown, filename: download.suggestedFilename() };
}

export default async function billing(browser) {
  const today = isoDay(new Date());
  // --- billing -------------------------------------------------------------------------------------------------------
  {
    const { context, page } = await newPage(browser);
    const streams = watchStream(page);
    await signIn(page, 'bill.billing');
    await page.waitForURL(`${base}/console/authorizations`, { timeout });
    await settled(page);

    const plan = `Medicare Part A (journey ${randomUUID().slice(0, 8)})`;
    await recordCoverage(page, 'Jane Doe', { ...SECONDARY, plan, from: `${today.slice(0, 4)}-01-01` });
    await checkEligibility(page, 'Jane Doe', SECONDARY);
    check((await page.locator('.error').count()) === 0, 'the billing workbench shows no error');
    await shot(page, 'billing-workbench');
    await accessible(page, 'billing workbench');

    // a second tab on the authorizations, left alone: it must follow what the first one does, live
    const second = await context.newPage();
    second.setDefaultTimeout(timeout);
    const secondStreams = watchStream(second);
    await second.goto(`${base}/console/authorizations`);
    await second.getByRole('heading', { name: 'Prior authorizations' }).waitFor();
    await settled(second);

    await openBillingPage(page, 'Authorizations', 'Prior authorizations');
    const table = page.getByRole('table', { name: 'Prior authorizations' });
    check(await table.getByRole('columnheader', { name: 'Patient' }).isVisible(), 'the authorizations table has a patient column');
    const drafted = await draftIfNone(page, 'Jane Doe');
    if (drafted && drafted.from > today) {
      // a later run drafts after the earlier approvals: claim readiness looks as far as the new request
      const period = page.getByRole('region', { name: 'Claim readiness' });
      await period.getByLabel('Last day').fill(drafted.to);
      await period.getByRole('button', { name: 'Show' }).click();
    }
    await readinessRow(page, 'Jane Doe').filter({ hasText: 'authorization is a draft' }).waitFor();
    const before = (await readinessRow(page, 'Jane Doe').innerText()).replace(/\s+/g, ' ').trim();
    check(/authorization is a draft/.test(before) && /Blocked/.test(before),
      `claim readiness counts Jane Doe's draft authorization as blocking ("${before}")`);
    const approved = await approveAuthorizations(page, 'Jane Doe');
    check(approved.length > 0, `billing took ${approved.length} authorization(s) of Jane Doe from draft to approved`);

    const started = Date.now();
    await second.locator(`tr[data-id="${approved.at(-1)}"][data-status="APPROVED"]`).waitFor({ timeout });
    check(true, `live: billing's second tab shows the approval without reloading (${Date.now() - started} ms after it was recorded)`);
    check(!streams.includes(403) && !secondStreams.includes(403) && [...streams, ...secondStreams].includes(200),
      `live: billing's stream is open on every page, never refused (answers seen: ${[...new Set([...streams, ...secondStreams])].join(', ')})`);

    const row = readinessRow(page, 'Jane Doe');
    await page.waitForFunction(
      () => !/authorization (is a draft|waits for|is appealed)/.test(document.querySelector('section[aria-labelledby="claim-readiness"] tr[data-patient="Jane Doe"]')?.textContent ?? 'authorization waits for'),
      null, { timeout });
    const after = (await row.innerText()).replace(/\s+/g, ' ').trim();
    check(after !== before && !/authorization is a draft/.test(after), `claim readiness changes live once approved ("${after}")`);
    await shot(page, 'billing-authorizations');
    await accessible(page, 'authorizations with claim readiness');
    await second.close();

    const { csv, shown, filename } = await downloadLines(page, 'Jane Doe');
    check(csv[0] === 'visit_id,patient_id,payer_id,discipline,hcpcs,service_date,units,authorization_id,status,hold_reasons,filing_deadline',
      `billing downloads the CSV of the filtered lines (${filename}): the header row names the columns`);
    if (shown > 0) {
      const [visit, patient, , discipline, hcpcs, day, units, , status] = csv[1].split(',');
      const janeId = await page.locator('main').getByLabel('Patient').first().inputValue();
      check(patient === janeId && /^G0\d{3}$/.test(hcpcs) && /^\d{4}-\d\d-\d\d$/.test(day) && Number(units) > 0 && /READY|ON_HOLD/.test(status),
        `billing downloads the CSV of the filtered lines: ${csv.length - 1} line(s), e.g. ${discipline} ${hcpcs} on ${day} (${status}), visit ${visit.slice(0, 8)}…, Jane Doe's only`);
      check(csv.slice(1).every((l) => l.split(',')[1] === janeId), 'the CSV has only the filtered patient\'s lines');
    } else {
      check(csv.length === 1, 'billing downloads the CSV of the filtered lines: no completed visit in the period, the header only');
    }
    check((await page.locator('.error').count()) === 0, 'the billable lines page shows no error');
    await shot(page, 'billing-lines');
    await accessible(page, 'billable lines');

    await page.goto(`${base}/console/patients`);
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    const refusal = await page.getByRole('alert').innerText();
    check(!/agency staff/.test(refusal), `billing opening a clinical page is not told it "is for agency staff": "${refusal.replace(/\s+/g, ' ').trim()}"`);
    await signOut(page, 'bill.billing');
    await context.close();
  }

  // --- coordinator: states ---------------------------------------------------------------------------------------------
  {
    const { context, page } = await newPage(browser);
    await signIn(page, 'carla.coordinator');
    await page.waitForURL(`${base}/console/dashboard`, { timeout });
    await settled(page);

    await page.goto(`${base}/console/patients/${randomUUID()}`);
    await page.getByRole('heading', { name: 'Patient not found' }).waitFor();
    await settled(page);
    await page.waitForTimeout(500); // the chart's other sections would have answered by now
    const boxes = await page.getByText(/could not be found/).count();
    const headings = await page.getByRole('heading', { level: 1 }).count();
    check(boxes === 0 && headings === 1, `an unknown patient URL shows one not-found page (${headings} heading, ${boxes} "could not be found" boxes)`);
    await shot(page, 'coordinator-patient-not-found');
    await accessible(page, 'patient not found');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Agency dashboard' }).waitFor();
    await settled(page);
    const counter = page.getByRole('region', { name: 'Open alerts by severity' }).getByRole('link', { name: /open critical alerts?$/ });
    const label = await counter.getAttribute('aria-label');
    await counter.click();
    await page.getByRole('heading', { name: 'Open critical alerts', level: 1 }).waitFor();
    await settled(page);
    const listed = await page.locator('ul.alerts > li').count();
    check(label.startsWith(`${listed} `), `the dashboard counter "${label}" links to the open critical alerts: ${listed} listed`);
    await accessible(page, 'open alerts');

    // Fran writes from the family portal; Carla, on the alerts page, is told who wrote about whom
    const family = await newPage(browser);
    await signIn(family.page, 'fran.family');
    await family.page.getByRole('heading', { name: 'Family portal' }).waitFor();
    await settled(family.page);
    const card = family.page.getByRole('article', { name: 'Jane Doe' });
    const note = `Mum's ankles look a little swollen this evening (${new Date().toISOString()})`;
    await card.getByLabel('Write to the care team').fill(note);
    await card.getByRole('button', { name: 'Send' }).click();
    await card.locator('.messages li', { hasText: note }).waitFor();
    const banner = page.getByRole('status').filter({ hasText: /You have a new message from .+ about Jane Doe\./ });
    await banner.waitFor({ timeout });
    check(true, `live: the banner names the sender and the patient: "${(await banner.innerText()).replace(/\s+/g, ' ').replace(/ Open Dismiss$/, '').trim()}"`);
    await signOut(family.page, 'fran.family');
    await family.context.close();
    await signOut(page, 'carla.coordinator');
    await context.close();
  }
}
