// Trust you can check (issue 24): Fran sees who viewed Jane's record today and asks the privacy officer about one
// access; a Sunrise nurse on no care team opens Jane's record in an emergency and the privacy officer reviews and
// revokes it; Sunrise shares Jane's plan summary and visits with Riverbend, Riverbend's coordinator reads them,
// Sunrise revokes and Riverbend gets the not-found page. Every step through the UI; the journey never calls the API for a persona's work.
import { accessible, base, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const ZONE = 'America/New_York';

async function open(browser, username) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: ZONE, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, username);
  await settled(page);
  return { context, page };
}

/** Today as the console's dates show it ("Dec 3, 2026") in the agency's zone. */
function today() {
  return new Date().toLocaleDateString('en-US', { dateStyle: 'medium', timeZone: ZONE });
}

/** A clinician of Jane's team opens her chart from the patient list: a read the access log must show. */
export async function readsTheChart(browser, username, patient = 'Jane Doe') {
  const { context, page } = await open(browser, username);
  await page.getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await settled(page);
  const [given, family] = patient.split(' ');
  await page.getByRole('link', { name: new RegExp(`${family}, ${given}`) }).first().click();
  await page.getByRole('heading', { name: patient }).waitFor();
  await settled(page);
  check(true, `${username} opens the chart of ${patient}`);
  await context.close();
}

/**
 * Fran opens "Who viewed Jane's record" from the family portal and finds the reads of the named people today; she asks
 * the privacy officer about the last one. Answers Jane's patient id (from the page's address) for the later steps.
 */
export async function whoViewed(browser, readers, patientFirstName = 'Jane') {
  const { context, page } = await open(browser, 'fran.family');
  await page.getByRole('link', { name: `Who viewed ${patientFirstName}'s record` }).first().click();
  await page.getByRole('heading', { name: `Who viewed ${patientFirstName}'s record` }).waitFor();
  const patientId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  // the audit store learns of each read through hearth.audit: give it a few seconds
  const rowsOf = async (name) => page.getByRole('row').filter({ hasText: name }).filter({ hasText: today() }).count();
  for (let attempt = 0; attempt < 20; attempt++) {
    await settled(page);
    const found = await Promise.all(readers.map((r) => rowsOf(r.name)));
    if (found.every((n) => n > 0)) break;
    await page.waitForTimeout(3000);
    await page.reload();
  }
  for (const reader of readers) {
    const row = page.getByRole('row').filter({ hasText: reader.name }).filter({ hasText: today() }).first();
    check((await row.count()) > 0, `Fran sees ${reader.name}'s read of ${patientFirstName}'s record today`);
    const text = (await row.textContent()) ?? '';
    check(text.includes(reader.role) && text.includes('sunrise'),
      `the access says the role (${reader.role}), the organisation and what kind of data: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  await shot(page, 'family-who-viewed');
  await accessible(page, 'who viewed the record');
  const last = readers[readers.length - 1];
  await page.getByRole('row').filter({ hasText: last.name }).first().getByRole('button', { name: /Ask about this access/ }).click();
  const ask = page.getByRole('group', { name: `Question about the access by ${last.name}` });
  await ask.getByLabel('Your question to the privacy officer').fill(`Why did ${last.name} open my mother's record today?`);
  await ask.getByRole('button', { name: 'Send the question' }).click();
  await page.getByText('Your question was sent to the privacy officer').waitFor();
  check(true, `Fran asks the privacy officer about ${last.name}'s access`);
  await signOut(page, 'family (who viewed)');
  await context.close();
  return patientId;
}

/** A nurse on no care team is refused the chart, opens it in an emergency with a reason, and reads it. */
export async function breakGlass(browser, username, patientId, patient = 'Jane Doe') {
  const reason = `Covering the evening call for ${patient}: short of breath (${new Date().toISOString()})`;
  const { context, page } = await open(browser, username);
  await page.goto(`${base}/console/patients/${encodeURIComponent(patientId)}`);
  await page.getByRole('heading', { name: 'Not on your care team' }).waitFor();
  check(true, `${username} is refused the chart of ${patient}: not on the care team`);
  await page.getByRole('heading', { name: 'Emergency access' }).waitFor();
  await page.getByRole('button', { name: 'Open the record in an emergency' }).click();
  check((await page.getByRole('alert').filter({ hasText: 'Say why' }).count()) === 1, 'emergency access needs a reason');
  await page.getByLabel('Reason (required)').fill(reason);
  await page.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await page.getByRole('heading', { name: patient }).waitFor();
  await settled(page);
  check(await page.getByText(/^Emergency access: you may read this record until/).isVisible(),
    `${username} reads the chart of ${patient} under emergency access, with its end shown`);
  check(await page.getByRole('region', { name: 'Plan of care', exact: true }).isVisible(), 'the emergency chart shows the plan of care');
  await shot(page, 'clinician-emergency-access');
  await accessible(page, 'chart under emergency access');
  return { context, page, reason };
}

/** The privacy officer finds the emergency access in the review queue, revokes it and marks it reviewed with a note. */
export async function reviewBreakGlass(browser, clinicianName, reason, patient = 'Jane Doe') {
  const { context, page } = await open(browser, 'paula.privacy');
  await page.waitForURL(`${base}/console/privacy/break-glass`, { timeout });
  await page.getByRole('heading', { name: 'Break-glass review' }).waitFor();
  await settled(page);
  const item = page.getByRole('listitem', { name: `${clinicianName} opened ${patient}'s record` }).filter({ hasText: reason });
  check((await item.count()) === 1, `the privacy officer sees ${clinicianName}'s emergency access to ${patient} with its reason`);
  await shot(page, 'privacy-break-glass-review');
  await accessible(page, 'break-glass review');
  await item.getByRole('button', { name: `Revoke ${clinicianName}'s access now` }).click();
  await item.getByText('Revoked').waitFor();
  check(true, `the privacy officer revokes ${clinicianName}'s emergency access`);
  await item.getByLabel('Review note').fill('Called the nurse: covering the evening call, justified. Revoked after the call.');
  await item.getByRole('button', { name: 'Mark reviewed' }).click();
  await page.getByRole('listitem').filter({ hasText: reason }).waitFor({ state: 'detached' });
  check(true, 'the reviewed access leaves the review queue');
  await signOut(page, 'privacy officer');
  await context.close();
}

/** Carla records Jane's consent to share her plan summary and visits with another agency; answers the open page. */
export async function share(browser, patientId, agency = 'riverbend') {
  const { context, page } = await open(browser, 'carla.coordinator');
  await page.goto(`${base}/console/patients/${encodeURIComponent(patientId)}/team`);
  const section = page.getByRole('region', { name: 'Sharing with other agencies' });
  await section.waitFor();
  await settled(page);
  const until = new Date(Date.now() + 30 * 86400000).toLocaleDateString('en-CA', { timeZone: ZONE });
  await section.getByLabel('Agency (short name)').fill(agency);
  await section.getByLabel('Plan of care in brief').check();
  await section.getByLabel('Visits', { exact: true }).check();
  await section.getByLabel('Until (last day)').fill(until);
  await section.getByLabel('Consent document (reference)').fill(`CONSENT-${Date.now()}`);
  await section.getByRole('button', { name: 'Share', exact: true }).click();
  await section.getByRole('button', { name: `Revoke sharing with ${agency}` }).first().waitFor();
  check((await section.getByRole('list', { name: 'Sharing consents' }).textContent())?.includes('shared now') === true,
    `carla records Jane's consent to share the plan of care in brief and the visits with ${agency}`);
  await shot(page, 'coordinator-sharing');
  await accessible(page, 'sharing consents');
  return { context, page, section };
}

/** The other agency's coordinator opens the shared record from "Shared with us"; answers the page, still open. */
export async function readShared(browser, username, patient = 'Jane Doe') {
  const { context, page } = await open(browser, username);
  await page.getByRole('link', { name: 'Shared with us' }).click();
  await page.getByRole('heading', { name: 'Shared with us' }).waitFor();
  await settled(page);
  await page.getByRole('link', { name: patient }).first().click();
  await page.getByRole('heading', { name: patient }).waitFor();
  await settled(page);
  const plan = page.getByRole('region', { name: 'Plan of care in brief' });
  check(/Visits: /.test((await plan.textContent()) ?? ''), `${username} reads the plan of care in brief of ${patient} shared by Sunrise`);
  // the visits come from scheduling-service, which learnt of the grant from patient-service's SharingGranted
  const visits = page.getByRole('region', { name: 'Visits', exact: true });
  await visits.getByRole('list', { name: 'Shared visits' }).or(visits.getByText('No visit from today on.')).waitFor();
  check(true, `${username} sees the visits of ${patient} shared by Sunrise`);
  check((await page.getByRole('region', { name: 'Medications' }).count()) === 0, 'what was not shared is not shown');
  await shot(page, 'riverbend-shared-record');
  await accessible(page, 'shared record');
  return { context, page };
}

/** The privacy officer finds the family's question about an access on the review page. */
export async function questionArrived(browser, asker = 'Fran Doe') {
  const { context, page } = await open(browser, 'paula.privacy');
  const questions = page.getByRole('region', { name: 'Questions from families' });
  await questions.waitFor();
  await settled(page);
  check(((await questions.textContent()) ?? '').includes(asker), `the privacy officer sees ${asker}'s question about an access`);
  await signOut(page, 'privacy officer (questions)');
  await context.close();
}

/** Jane's patient id as Fran's family portal links to it (the who-viewed page's address). */
async function patientIdOf(browser, patientFirstName = 'Jane') {
  const { context, page } = await open(browser, 'fran.family');
  const href = await page.getByRole('link', { name: `Who viewed ${patientFirstName}'s record` }).first().getAttribute('href');
  await context.close();
  return decodeURIComponent(href.split('/').pop());
}

export default async function trust(browser) {
  await readsTheChart(browser, 'nina.nurse');
  await readsTheChart(browser, 'dr.patel');
  const jane = await patientIdOf(browser);

  const nurse = await breakGlass(browser, 'noah.nurse', jane);
  await reviewBreakGlass(browser, 'Noah Night', nurse.reason);
  await nurse.page.reload();
  await nurse.page.getByRole('heading', { name: 'Not on your care team' }).waitFor();
  check(true, "after the revocation the nurse's next look at the chart is refused");
  await signOut(nurse.page, 'nurse (break-glass)');
  await nurse.context.close();

  const sunrise = await share(browser, jane);
  const riverbend = await readShared(browser, 'rita.coordinator');
  const revoke = sunrise.section.getByRole('button', { name: 'Revoke sharing with riverbend' });
  while ((await revoke.count()) > 0) {
    await revoke.first().click();
    await sunrise.page.waitForTimeout(500);
    await settled(sunrise.page);
  }
  check(true, 'carla revokes the sharing with riverbend');
  await riverbend.page.reload();
  await riverbend.page.getByRole('heading', { name: 'Shared record not found' }).waitFor();
  check(true, "after the revocation Riverbend's next look at the shared record gets the not-found page");
  await shot(riverbend.page, 'riverbend-shared-record-revoked');
  await accessible(riverbend.page, 'shared record no longer shared');
  await signOut(riverbend.page, 'riverbend coordinator');
  await signOut(sunrise.page, 'coordinator (sharing)');
  await riverbend.context.close();
  await sunrise.context.close();

  await whoViewed(browser, [{ name: 'Nina Nurse', role: 'Nurse' }, { name: 'Priya Patel', role: 'Physician' }]);
  await questionArrived(browser);
}
