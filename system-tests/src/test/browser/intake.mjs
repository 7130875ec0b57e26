// The coordinator's intake in the browser: a partner system (a hospital's EHR, client credentials) posts a discharge
// referral over HTTP; carla.coordinator finds it in the referral inbox, accepts and admits it (homebound status and an
// allergy in the admission form), declines a second one with a reason, writes the initial assessment, reads the
// clinical profile in the chart and marks a transition-of-care task done. Repeatable: every run refers a new patient
// (a time-stamped family name). The steps are exported so that a whole-story journey can chain them.
import { accessible, base, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

/** The partner client of Sunrise in the realm import (infra/keycloak/hearth-realm.json), as JaneJourneyIT uses it. */
const PARTNER = process.env.HEARTH_PARTNER_CLIENT ?? 'sunrise-partner';
const PARTNER_SECRET = process.env.HEARTH_PARTNER_SECRET ?? 'sunrise-partner-secret';

/** Prints how long a step took (the issue asks each journey for its step timings); answers the step's result. */
export async function timed(name, step) {
  const started = Date.now();
  const result = await step();
  console.log(`# step ${name}: ${Date.now() - started} ms`);
  return result;
}

/** A patient nobody referred before: "Iris Walker-<stamp>" (the stamp makes each run's patients new). */
export function newProspect(given = 'Iris', family = 'Walker') {
  return { givenName: given, familyName: `${family}-${Date.now().toString(36)}` };
}

export const nameOf = (p) => `${p.givenName} ${p.familyName}`;

/** Keycloak's address as the console's sign-in redirect shows it (the stack may run on any port). */
let keycloak = process.env.HEARTH_KEYCLOAK_URL?.replace(/\/$/, '');
async function keycloakOrigin(browser) {
  if (keycloak) return keycloak;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/console/`);
  await page.waitForURL(/\/realms\/hearth\//, { timeout });
  keycloak = new URL(page.url()).origin;
  await context.close();
  return keycloak;
}

/**
 * The partner system refers the prospect after a hospital discharge yesterday: a system, not a person, so it calls
 * the gateway's API itself with a client-credentials token and an Idempotency-Key. Answers the referral.
 */
export async function referFromPartner(browser, prospect, extra = {}) {
  const tokenAnswer = await fetch(`${await keycloakOrigin(browser)}/realms/hearth/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: PARTNER, client_secret: PARTNER_SECRET }),
  });
  check(tokenAnswer.ok, `partner system gets a client-credentials token from Keycloak (${tokenAnswer.status})`);
  const token = (await tokenAnswer.json()).access_token;
  const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
  const answer = await fetch(`${base}/api/patients/v1/referrals`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `intake-${crypto.randomUUID()}` },
    body: JSON.stringify({
      source: 'HOSPITAL_DISCHARGE',
      referringPhysician: { name: 'Dr. Priya Patel', npi: '1234567893' },
      reason: 'Home after pneumonia; weak and short of breath on stairs',
      diagnoses: [
        { code: 'J18.9', description: 'Pneumonia, unspecified organism', primary: true },
        { code: 'I10', description: 'Essential (primary) hypertension', primary: false },
      ],
      requestedDisciplines: ['SN', 'PT'],
      dischargeDate: yesterday,
      complexity: 'MODERATE',
      patient: {
        ...prospect,
        birthDate: '1944-03-09',
        phone: '+1 217 555 0142',
        language: 'en',
        address: { line1: '12 Elm Street', city: 'Springfield', state: 'IL', postalCode: '62704', latitude: 39.7817, longitude: -89.6501 },
      },
      ...extra,
    }),
  });
  const referral = await answer.json();
  check(answer.status === 201 && referral.status === 'RECEIVED',
    `partner system refers ${nameOf(prospect)} over HTTP with client credentials (${answer.status} ${referral.status ?? JSON.stringify(referral)})`);
  return referral;
}

/** Opens the referral inbox from the main menu, on the "New" referrals. */
async function openInbox(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referral inbox' }).click();
  await page.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
  await settled(page);
}

/**
 * The coordinator (signed in on `page`) finds the referral among the new ones, accepts it and admits the patient with
 * homebound status and an allergy; the transition-of-care tasks appear. Answers the new patient's id.
 */
export async function acceptAndAdmit(page, prospect) {
  const name = nameOf(prospect);
  await openInbox(page);
  check(await page.getByRole('button', { name: 'New', exact: true, pressed: true }).isVisible(), 'the referral inbox opens on the new referrals');
  const row = page.getByRole('row', { name: new RegExp(prospect.familyName) });
  await row.waitFor();
  const said = (await row.innerText()).replace(/\s+/g, ' ');
  check(/Dr\. Priya Patel \(hospital discharge\)/.test(said) && /J18\.9 Pneumonia/.test(said) && /New/.test(said),
    `the inbox lists ${name}: who referred, when, the primary diagnosis, "New" ("${said.trim()}")`);
  await shot(page, 'coordinator-referral-inbox');
  await accessible(page, 'referral inbox');

  await row.getByRole('link', { name }).click();
  await page.getByRole('heading', { name: `Referral of ${name}` }).waitFor();
  await settled(page);
  check(await page.getByRole('region', { name: 'Referral', exact: true }).getByText('Home after pneumonia').isVisible(), 'the referral page shows the reason and the diagnoses');
  await accessible(page, 'referral decision');
  await page.getByRole('button', { name: 'Accept referral' }).click();
  await page.getByRole('status').filter({ hasText: `The referral of ${name} is accepted.` }).waitFor();
  check(true, `carla.coordinator accepts the referral of ${name}`);

  const admission = page.getByRole('region', { name: 'Admission' });
  await admission.getByLabel('The patient is homebound').check();
  await admission.getByRole('button', { name: `Admit ${name}` }).click();
  await admission.getByText('Say why leaving home takes a considerable and taxing effort: homebound status needs a reason.').waitFor();
  check(await admission.getByLabel('Why leaving home takes a considerable and taxing effort').getAttribute('aria-invalid') === 'true',
    'admission: homebound without a reason is refused with a sentence next to the field');
  await admission.getByLabel('Why leaving home takes a considerable and taxing effort').fill('Short of breath after a few steps; needs a walker and help');
  await admission.getByRole('button', { name: 'Add an allergy' }).click();
  await admission.getByLabel('Substance').fill('Latex');
  await admission.getByLabel('Reaction').fill('Hives');
  await admission.getByLabel('Severity').selectOption('MODERATE');
  await accessible(page, 'admission form');
  await admission.getByRole('button', { name: `Admit ${name}` }).click();
  await page.getByRole('status').filter({ hasText: `${name} is admitted.` }).waitFor();
  check(await page.getByRole('status').filter({ hasText: 'Homebound status and allergies are in the chart.' }).isVisible(),
    `carla.coordinator admits ${name} with homebound status and an allergy`);
  const tasks = page.getByRole('region', { name: 'Transition-of-care tasks' });
  await tasks.getByText('Interactive contact with the patient or caregiver').waitFor();
  check(await tasks.getByText('Face-to-face visit').isVisible(), 'after admission the transition-of-care tasks created are shown, with their due dates');
  const chartLink = page.getByRole('link', { name: `Open the chart of ${name}` });
  const href = await chartLink.getAttribute('href');
  const patientId = decodeURIComponent(href.split('/').pop());
  check(Boolean(patientId), `the admitted referral links to the new chart (${href})`);
  return patientId;
}

/** Declines a referral with the reason; it then shows under "Declined". */
export async function decline(page, prospect, reason) {
  const name = nameOf(prospect);
  await openInbox(page);
  await page.getByRole('row', { name: new RegExp(prospect.familyName) }).getByRole('link', { name }).click();
  await page.getByRole('heading', { name: `Referral of ${name}` }).waitFor();
  await settled(page);
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await page.getByText('Say why the referral is declined: the referrer reads the reason.').waitFor();
  check(true, 'declining without a reason is refused with a sentence');
  await page.getByLabel('Reason for declining (required to decline)').fill(reason);
  await page.getByRole('button', { name: 'Decline referral' }).click();
  await page.getByRole('status').filter({ hasText: `The referral of ${name} is declined.` }).waitFor();
  await openInbox(page);
  await page.getByRole('button', { name: 'Declined', exact: true }).click();
  await settled(page);
  await page.getByRole('row', { name: new RegExp(prospect.familyName) }).waitFor();
  check(true, `carla.coordinator declines the referral of ${name} with a reason: it is listed under "Declined"`);
}

/** The coordinator writes the initial assessment from the chart and completes it (a refused attempt first). */
export async function assess(page, patientId, prospect) {
  const name = nameOf(prospect);
  await page.goto(`${base}/console/patients/${encodeURIComponent(patientId)}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await settled(page);
  await page.getByRole('region', { name: 'Home safety' }).getByRole('link', { name: 'Start the initial assessment' }).click();
  await page.getByRole('heading', { name: `Initial assessment: ${name}` }).waitFor();
  await settled(page);

  await page.getByRole('button', { name: 'Complete assessment' }).click();
  await page.getByRole('alert').filter({ hasText: 'The assessment was not saved' }).waitFor();
  check(await page.getByText('Enter the systolic blood pressure: it is needed to complete the assessment.').isVisible()
    && await page.getByText('Check loose rugs: all 12 items are checked before completion.').isVisible(),
  'completing an empty assessment is refused: each missing part is a sentence next to its field');

  const baseline = page.getByRole('region', { name: 'Medical baseline' });
  for (const [label, value] of [[/^Systolic blood pressure/, '142'], [/^Diastolic blood pressure/, '86'], [/^Heart rate/, '81'],
    [/^Oxygen saturation/, '96'], [/^Weight/, '68.5']]) {
    await baseline.getByLabel(label).fill(value);
  }
  await baseline.getByLabel('Medical history').fill('Pneumonia treated in hospital; hypertension for 10 years');
  const adl = page.getByRole('region', { name: 'Activities of daily living' });
  for (const [activity, level] of [['Bathing', 'NEEDS_ASSISTANCE'], ['Dressing', 'INDEPENDENT'], ['Toileting', 'INDEPENDENT'],
    ['Transferring (bed, chair)', 'NEEDS_ASSISTANCE'], ['Walking', 'NEEDS_ASSISTANCE'], ['Eating', 'INDEPENDENT']]) {
    await adl.getByLabel(activity, { exact: true }).selectOption(level);
  }
  const safety = page.getByRole('region', { name: 'Home safety' });
  const rugs = safety.getByRole('group', { name: 'Loose rugs' });
  await rugs.getByLabel('Hazard', { exact: true }).check();
  await rugs.getByLabel('Finding').fill('Runner in the hallway');
  await page.getByRole('button', { name: 'Complete assessment' }).click();
  await rugs.getByText('Loose rugs is a hazard: say what will be done about it.').waitFor();
  check(true, 'a hazard without an action is refused with a sentence next to its action field');
  await rugs.getByLabel('Action (required for a hazard)').fill('Remove the hall runner');
  const bars = safety.getByRole('group', { name: 'Grab bars' });
  await bars.getByLabel('Hazard', { exact: true }).check();
  await bars.getByLabel('Finding').fill('No grab bar by the tub');
  await bars.getByLabel('Action (required for a hazard)').fill('Order a grab bar and a shower chair');
  await safety.getByRole('button', { name: 'Mark the 10 unchecked items safe' }).click();
  await page.getByLabel("The patient's own goals, one per line").fill('Climb the stairs to my bedroom\nGarden again by spring');
  await shot(page, 'coordinator-assessment');
  await accessible(page, 'assessment form');
  await page.getByRole('button', { name: 'Complete assessment' }).click();
  await page.getByRole('status').filter({ hasText: `The initial assessment of ${name} is complete.` }).waitFor();
  check(true, `carla.coordinator completes the initial assessment of ${name} (baseline, 6 ADLs, 12 safety items, goals)`);
}

/** The chart's clinical profile after intake; one transition-of-care task is marked done. */
export async function clinicalProfile(page, patientId, prospect) {
  const name = nameOf(prospect);
  await page.getByRole('link', { name: `See the findings in the chart of ${name}` }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await settled(page);
  for (const section of ['Summary', 'Care team', 'Plan of care', 'Care circle', 'Plan versions', 'Alerts', 'Upcoming visits',
    'Clinical profile', 'Medications, diet and equipment', 'Home safety', 'Transition-of-care tasks', 'Coverage']) {
    check(await page.getByRole('region', { name: section, exact: true }).isVisible(), `the chart of ${name} shows "${section}"`);
  }
  const profile = await page.getByRole('region', { name: 'Clinical profile' }).innerText();
  check(/Yes: Short of breath after a few steps/.test(profile) && /J18\.9 Pneumonia, unspecified organism \(primary\)/.test(profile)
    && /Latex: Hives \(moderate\)/.test(profile), 'the clinical profile shows homebound status with its reason, the diagnoses and the allergy');
  const safety = await page.getByRole('region', { name: 'Home safety' }).innerText();
  check(/Hazard: Loose rugs \(Runner in the hallway\)\. Action: Remove the hall runner/.test(safety) && /Hazard: Grab bars/.test(safety),
    'the chart lists the assessment\'s home-safety hazards with their actions');
  const coverage = (await page.getByRole('region', { name: 'Coverage' }).innerText()).replace(/\s+/g, ' ');
  check(/billing|member/i.test(coverage), `the chart says what billing holds on coverage ("${coverage.trim()}")`);
  const tasks = page.getByRole('region', { name: 'Transition-of-care tasks' });
  await tasks.getByRole('button', { name: 'Mark done: Interactive contact with the patient or caregiver' }).click();
  await tasks.getByRole('status').filter({ hasText: 'Interactive contact with the patient or caregiver is marked done.' }).waitFor();
  await tasks.getByText(/^Done /).waitFor();
  check(await tasks.getByRole('button', { name: /^Mark done: Face-to-face visit/ }).isVisible(),
    'carla.coordinator marks the interactive contact done; the face-to-face visit stays open');
  check((await page.locator('.error').count()) === 0, `the chart of ${name} shows no error`);
  await shot(page, 'coordinator-clinical-profile');
  await accessible(page, 'chart with the clinical profile');
}

export default async function intake(browser) {
  const prospect = newProspect('Iris');
  const other = newProspect('Oscar', 'Finch');
  await timed('partner refers two patients', async () => {
    await referFromPartner(browser, prospect);
    await referFromPartner(browser, other, { source: 'SPECIALIST', dischargeDate: null, complexity: null });
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await timed('coordinator signs in', () => signIn(page, 'carla.coordinator'));
  const patientId = await timed('accept and admit', () => acceptAndAdmit(page, prospect));
  await timed('decline with a reason', () => decline(page, other, 'No nurse covers that ZIP code this month'));
  await timed('initial assessment', () => assess(page, patientId, prospect));
  await timed('clinical profile and a task done', () => clinicalProfile(page, patientId, prospect));
  await signOut(page, 'coordinator (intake)');
  await context.close();
}
