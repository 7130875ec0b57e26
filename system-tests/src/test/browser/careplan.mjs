// The coordinator's care planning in the console: Carla opens a patient's chart, starts a new draft of the plan of
// care, types a frequency order the parser cannot read and sees its own message, fixes it, changes a medication's
// dose and the diet, meets a rule the service checks at submission (a goal dated in the past) as a sentence, fixes
// it and submits the draft for signature; Dr. Patel signs it in his inbox; Carla changes a care-circle member's
// consent and calls a huddle (or finds the one she called before) and records a decision linked to the new version.
// The journey never calls the API itself. Repeatable: it continues an open draft instead of starting one, toggles
// the dose, one diet line and one consent scope, and looks for its huddle before calling it. It leaves the plan
// signed with the frequency it found ("SN 2W4, PT 3W2" for Jane Doe), no draft open.
//   node console.mjs careplan                     Jane Doe (the demo's patient with a signed plan)
//   CAREPLAN_PATIENT="Ann Example" node console.mjs careplan
import { accessible, base, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

export const HUDDLE_AGENDA = 'Review the revised plan of care';
const DIET_LINE = 'No grapefruit juice';

async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page };
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** From anywhere in the console to the patient's chart, through the patient list and its search. */
export async function openChart(page, name) {
  const [given, ...rest] = name.split(' ');
  await page.getByRole('link', { name: 'Patients', exact: true }).click();
  await page.getByRole('heading', { name: 'Patients' }).waitFor();
  await settled(page);
  await page.getByLabel('Search by name').fill(given.toLowerCase());
  await page.getByRole('link', { name: new RegExp(`${escape(rest.join(' '))}, ${escape(given)}`) }).first().click();
  await page.getByRole('heading', { name, exact: true }).waitFor();
  await settled(page);
}

const isoDay = (days) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Carla (signed in on page) drafts and submits the plan; answers the draft's version number and the frequency it
 * found (kept as it was, so that what scheduling planned from it stays right).
 */
export async function draftAndSubmit(page, name) {
  await openChart(page, name);
  await page.getByRole('navigation', { name: 'Care planning' }).getByRole('link', { name: 'Edit the plan of care' }).click();
  await page.getByRole('heading', { name: `Plan of care: ${name}` }).waitFor();
  await settled(page);
  const start = page.getByRole('button', { name: /^Start a new draft from version \d+$/ });
  if (await start.isVisible()) {
    await start.click();
    check(true, `careplan: the coordinator starts a new draft of ${name}'s plan from the active version`);
  } else {
    check(await page.getByText(/^Draft version \d+, last saved/).isVisible(), `careplan: the coordinator continues the open draft of ${name}'s plan`);
  }
  const frequency = page.getByRole('textbox', { name: 'Visit frequency' });
  const found = (await frequency.inputValue()).trim();
  const reading = page.locator('.frequency-reading');

  // a typo: "3X2" for "3W2"; the parser's own message appears under the field while Carla types
  let broken = found.replace(/(\d+)W(\d+)\s*$/, '$1X$2');
  if (broken === found) broken = `${found}, 3X2`;
  await frequency.fill(broken);
  await reading.getByText(/^Cannot be read: .*is not a frequency; write visits per week and weeks/).waitFor();
  check(await frequency.getAttribute('aria-invalid') === 'true', `careplan: typing "${broken}" shows the parser's own message under the field ("${(await reading.innerText()).trim()}")`);
  await frequency.fill(found);
  await reading.getByText(`Reads as ${found}:`).waitFor();
  const words = (await reading.locator('li').allInnerTexts()).join(' ');
  check(/visits? a week for \d+ weeks?/.test(words), `careplan: the fixed order "${found}" is said in words: ${words}`);

  // a medication's dose (Lisinopril's when the plan has it) and the diet, toggled so that every run changes both
  const medications = page.getByRole('region', { name: 'Medications' });
  const lisinopril = medications.getByRole('group', { name: /^Medication \d+: Lisinopril$/ });
  const medication = (await lisinopril.count()) > 0 ? lisinopril : medications.getByRole('group', { name: /^Medication 1/ });
  const dose = medication.getByLabel('Dose');
  const newDose = (await dose.inputValue()) === '10 mg' ? '5 mg' : '10 mg';
  await dose.fill(newDose);
  const diet = page.getByRole('textbox', { name: 'Diet (one per line)' });
  const lines = (await diet.inputValue()).split('\n').filter((l) => l.trim());
  const dietNow = lines.includes(DIET_LINE) ? lines.filter((l) => l !== DIET_LINE) : [...lines, DIET_LINE];
  await diet.fill(dietNow.join('\n'));
  check(true, `careplan: the coordinator sets a dose to ${newDose} and ${lines.includes(DIET_LINE) ? 'removes' : 'adds'} "${DIET_LINE}" in the diet`);

  // a goal dated in the past: saved as a draft, refused at submission with the service's rule as a sentence
  const goal = page.getByRole('region', { name: 'Problems and therapy goals' }).getByRole('group', { name: /^Problem 1/ })
    .getByRole('group', { name: 'Goal 1' });
  await goal.getByLabel('Target date').fill('2020-01-15');
  await page.getByRole('button', { name: 'Submit for signature' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The draft cannot be submitted for signature yet.' });
  await refusal.waitFor();
  check(/has a target date that has already passed \(2020-01-15\)\./.test(await refusal.innerText()), `careplan: submitting with a goal dated in the past is refused with the rule as a sentence ("${(await refusal.innerText()).replace(/\s+/g, ' ').trim()}")`);
  await goal.getByLabel('Target date').fill(isoDay(28));

  await shot(page, 'coordinator-plan-editor');
  await accessible(page, 'plan editor');
  await page.getByRole('button', { name: 'Submit for signature' }).click();
  const submitted = page.getByRole('status').filter({ hasText: /^Draft version \d+ of .* is submitted for signature to the lead physician\.$/ });
  await submitted.waitFor();
  const number = Number((await submitted.innerText()).match(/Draft version (\d+)/)[1]);
  check(await page.getByText(/submitted for signature \w/).first().isVisible(), `careplan: draft version ${number} of ${name}'s plan is saved and submitted for signature`);
  check((await page.locator('.error').count()) === 0, 'careplan: the plan editor shows no error after the submission');
  return { number, frequency: found };
}

/** Dr. Patel (signed in on page) signs the submitted draft in his inbox, after confirming his review. */
export async function signSubmittedDraft(page, name, number) {
  await page.getByRole('link', { name: 'Signatures and alerts' }).click();
  await settled(page);
  const drafts = page.getByRole('region', { name: 'Plans waiting for signature' });
  const item = drafts.locator('li', { has: page.getByRole('heading', { name: new RegExp(`${escape(name)}: draft version ${number}`) }) });
  await item.waitFor();
  check(await item.getByText(/^Submitted for signature /).isVisible(), `careplan: dr.patel sees draft version ${number} of ${name} as submitted for signature`);
  await item.getByText(DIET_LINE).first().waitFor();
  check(true, 'careplan: dr.patel reviews the diet change before signing');
  await item.getByLabel(/I have reviewed/).check();
  await item.getByRole('button', { name: `Sign version ${number}` }).click();
  await drafts.getByRole('status').filter({ hasText: `Version ${number} of ${name}'s plan is signed and now active.` }).waitFor();
  check(true, `careplan: dr.patel signs version ${number} of ${name}'s plan in his inbox`);
}

/** Carla changes the consent of a circle member who has no sign-in yet (the family member who signs in keeps hers). */
export async function editCareCircle(page, name) {
  await openChart(page, name);
  await page.getByRole('navigation', { name: 'Care planning' }).getByRole('link', { name: 'Care team and circle' }).click();
  await page.getByRole('heading', { name: `Care team and circle: ${name}` }).waitFor();
  await settled(page);
  const team = page.getByRole('region', { name: 'Care team' });
  const leadRow = team.locator('tbody tr').filter({ has: page.getByRole('radio', { checked: true }) });
  check((await leadRow.count()) === 1, `careplan: the care team of ${name} shows its lead physician (${await leadRow.locator('th').innerText()})`);

  const circle = page.getByRole('region', { name: 'Care circle and consent' });
  let member = circle.locator('fieldset.entry', { hasText: 'Has no sign-in yet.' }).first();
  if ((await member.count()) === 0) {
    await circle.getByLabel("New member's name").fill('Pat Neighbour');
    await circle.getByLabel('Relationship', { exact: true }).last().fill('neighbour');
    await circle.getByRole('button', { name: 'Add to the circle' }).click();
    member = circle.locator('fieldset.entry', { hasText: 'Has no sign-in yet.' }).first();
  }
  const who = (await member.locator('legend').first().innerText()).replace(/\s*\(.*\)$/, '');
  const schedule = member.getByRole('group', { name: `${who} may see:` }).getByLabel('Visit schedule');
  const before = await schedule.isChecked();
  await schedule.setChecked(!before);
  check(await member.getByRole('button', { name: `Invite ${who} to sign in` }).isDisabled(), 'careplan: inviting waits until the circle is saved');
  await circle.getByRole('button', { name: 'Save the care circle' }).click();
  await circle.getByRole('status').filter({ hasText: 'The care circle and its consents are saved.' }).waitFor();
  await page.reload();
  await settled(page);
  const again = page.getByRole('region', { name: 'Care circle and consent' }).getByRole('group', { name: `${who} may see:` }).getByLabel('Visit schedule');
  check((await again.isChecked()) === !before, `careplan: the coordinator ${before ? 'withdraws' : 'grants'} ${who}'s consent to see the visit schedule; it is kept after a reload`);
  check((await page.locator('.error').count()) === 0, 'careplan: the care team and circle page shows no error');
  await shot(page, 'coordinator-care-circle');
  await accessible(page, 'care team and circle');
}

/** Carla calls the huddle (unless she did before) and records a decision linked to plan version `version`. */
export async function huddleWithDecision(page, name, version) {
  await openChart(page, name);
  await page.getByRole('navigation', { name: 'Care planning' }).getByRole('link', { name: 'Huddles' }).click();
  await page.getByRole('heading', { name: `Huddles: ${name}` }).waitFor();
  await settled(page);
  const list = page.getByRole('region', { name: 'Huddles on this patient' });
  let huddle = list.getByRole('article', { name: HUDDLE_AGENDA }).first();
  if ((await huddle.count()) === 0) {
    const call = page.getByRole('region', { name: 'Call a huddle' });
    await call.getByRole('button', { name: 'Call the huddle' }).click();
    await call.getByRole('alert').filter({ hasText: 'Write the agenda' }).waitFor();
    check(true, 'careplan: calling a huddle without an agenda or attendees is explained before anything is sent');
    await call.getByLabel('Agenda').fill(HUDDLE_AGENDA);
    await call.getByRole('group', { name: 'Attendees from the care team' }).getByRole('checkbox').first().check();
    await call.getByRole('button', { name: 'Call the huddle' }).click();
    await page.getByRole('status').filter({ hasText: `The huddle "${HUDDLE_AGENDA}" is called` }).waitFor();
    check(true, `careplan: the coordinator calls a huddle on ${name} with an agenda and an attendee`);
    huddle = list.getByRole('article', { name: HUDDLE_AGENDA }).first();
    await huddle.waitFor();
  } else {
    check(true, `careplan: the coordinator finds the huddle "${HUDDLE_AGENDA}" she called before`);
  }
  const decision = `Keep the new dose and diet; review at the next nursing visit (${new Date().toISOString()})`;
  await huddle.getByLabel('Decision').fill(decision);
  await huddle.getByLabel('Linked plan version').selectOption(String(version));
  await huddle.getByRole('button', { name: 'Record the decision' }).click();
  await huddle.getByRole('listitem').filter({ hasText: `${decision} (plan version ${version})` }).waitFor();
  check(true, `careplan: the huddle records a decision linked to plan version ${version}`);
  check((await page.locator('.error').count()) === 0, 'careplan: the huddle page shows no error');
  await shot(page, 'coordinator-huddle');
  await accessible(page, 'huddles');
}

export default async function careplan(browser, name = process.env.CAREPLAN_PATIENT ?? 'Jane Doe') {
  const carla = await newPage(browser);
  await signIn(carla.page, 'carla.coordinator');
  await carla.page.waitForURL(`${base}/console/dashboard`, { timeout });
  const { number } = await draftAndSubmit(carla.page, name);

  const patel = await newPage(browser);
  await signIn(patel.page, 'dr.patel');
  await patel.page.waitForURL(`${base}/console/inbox`, { timeout });
  await signSubmittedDraft(patel.page, name, number);
  await signOut(patel.page, 'dr.patel (careplan)');
  await patel.context.close();

  await editCareCircle(carla.page, name);
  await huddleWithDecision(carla.page, name, number);
  await signOut(carla.page, 'carla.coordinator (careplan)');
  await carla.context.close();
}
