// The coordinator and the optimizer: a job scoped to one patient, its plan read visit by visit (why this clinician and
// time, what it achieves against the current schedule), one visit pinned, the plan applied; the board then shows no two
// visits at the patient's home at once. Then a clinician calls in sick: the day goes on the roster and a repair plan
// is reviewed and applied. Everything through the UI; the journey never calls the API for carla's work.
import { accessible, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const ZONE = 'America/New_York';

/** YYYY-MM-DD of an instant in the agency's zone. */
function agencyDay(iso) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(iso));
}

/** The schedule board, signed in as carla, in the agency's zone. */
export async function openBoard(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: ZONE, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, 'carla.coordinator');
  await page.getByRole('link', { name: 'Schedule board' }).click();
  await page.getByRole('heading', { name: 'Schedule board' }).waitFor();
  await settled(page);
  return { context, page };
}

/**
 * Moves the board to the first week from next week on (up to four weeks ahead) in which the patient still has a visit
 * of the kind to book (nursing: its authorization is approved in the demo, so a plan can place it), so that a plan has
 * something to propose; answers how many weeks ahead, or 1 when every week is booked.
 */
export async function weekWithOpenVisits(page, patient, kind = 'Nursing') {
  for (let ahead = 1; ahead <= 4; ahead++) {
    await page.getByRole('button', { name: 'Next week →' }).click();
    await settled(page);
    if ((await page.getByRole('button', { name: new RegExp(`^Assign ${kind} visit of ${patient}`) }).count()) > 0) return ahead;
  }
  for (let back = 4; back > 1; back--) await page.getByRole('button', { name: '← Previous week' }).click();
  await settled(page);
  return 1;
}

/** Runs the optimizer from the panel's scope form and waits for its plan. */
async function runAndReview(page, start) {
  await start();
  const progress = page.locator('.optimizer-progress label');
  await progress.waitFor();
  await page.waitForFunction(() => /finished/.test(document.querySelector('.optimizer-progress label')?.textContent ?? ''),
    null, { timeout: 60000 });
  await page.getByRole('heading', { name: 'Proposed plan' }).waitFor();
  return ((await progress.textContent()) ?? '').trim();
}

/** The patient's visits on the board: start and end of each chip, read from the UI's table. */
async function visitsOnTheBoard(page, patient) {
  return page.locator('table.board .chip', { hasText: `· ${patient}` }).evaluateAll((chips) =>
    chips.map((c) => ({ start: c.dataset.start, end: c.dataset.end, text: c.textContent?.trim() ?? '' })));
}

/** Pairs of the patient's visits whose times overlap (the patient's home is one home). */
function overlapping(visits) {
  const pairs = [];
  for (let i = 0; i < visits.length; i++) {
    for (let j = i + 1; j < visits.length; j++) {
      const [a, b] = [visits[i], visits[j]];
      if (a.start < b.end && b.start < a.end) pairs.push(`${a.text} / ${b.text}`);
    }
  }
  return pairs;
}

/** Carla scopes a job to the patient, reads the explanations, pins one visit and applies the plan. */
export async function scopedPlan(page, patient) {
  const ahead = await weekWithOpenVisits(page, patient);
  const scope = page.getByRole('form', { name: 'What to plan' });
  await scope.getByLabel('Patient').selectOption({ label: patient });
  check((await scope.getByLabel('Discipline').inputValue()) === '', 'the scope form starts with every discipline');
  const from = await scope.getByLabel('From').inputValue();
  const to = await scope.getByLabel('To').inputValue();
  const label = await runAndReview(page, () => scope.getByRole('button', { name: 'Run the optimizer' }).click());
  check(label.includes(`for ${patient}, every discipline`), `carla scopes a job to ${patient}, ${from} to ${to} (${ahead} week(s) ahead): "${label}"`);
  const summary = page.locator('.plan-summary');
  const planText = ((await summary.locator('p').first().textContent()) ?? '').trim();
  check(/visits? to book or move/.test(planText), `the optimizer proposes a plan for ${patient}: ${planText}`);
  const achieves = (await page.getByRole('list', { name: 'What the plan achieves' }).innerText()).split('\n').filter(Boolean);
  check(achieves.some((l) => l.startsWith('Visits planned:')) && achieves.some((l) => l.startsWith('Travel:'))
    && achieves.some((l) => l.startsWith('Continuity of care:')),
  `the plan says what it achieves against the current schedule: ${achieves.join(' | ')}`);
  check(!/\bcost\b|objective/i.test((await summary.innerText())), 'the plan shows no raw cost');
  const rows = page.locator('table.plan-changes tbody tr');
  const count = await rows.count();
  if (count === 0) {
    check(/^0 visits/.test(planText), `nothing to book for ${patient} in the scope: every visit already has its place`);
    await shot(page, 'coordinator-optimizer-scoped');
    await accessible(page, 'scoped optimizer plan');
    return { applied: false, from, to };
  }
  const first = rows.first();
  const when = ((await first.locator('td').nth(0).textContent()) ?? '').trim();
  const visit = ((await first.locator('td').nth(1).textContent()) ?? '').trim();
  const why = (await first.locator('td').nth(3).innerText()).split('\n').filter(Boolean);
  check(visit.includes(patient), `each visit of the plan is named: "${visit}"`);
  const minute = /(\d{1,2}):(\d{2}) (AM|PM)$/.exec(when);
  check(minute !== null && Number(minute[2]) % 5 === 0 && !/:\d\d:\d\d/.test(when),
    `its time is on the agency's 5-minute grid in the agency's zone, without seconds: "${when}"`);
  check(why.some((d) => /travel from the previous stop/.test(d)) && why.some((d) => /^Time:/.test(d)),
    `why this clinician and time: ${why.join(' / ')}`);
  const decision = first.getByRole('combobox');
  await decision.selectOption('pin');
  check((await first.getAttribute('data-decision')) === 'pin', `carla pins one visit (${visit}, ${when})`);
  await shot(page, 'coordinator-optimizer-scoped');
  await accessible(page, 'scoped optimizer plan');
  await page.getByRole('button', { name: 'Apply the plan' }).click();
  const applied = page.locator('.applied');
  await applied.waitFor();
  const appliedText = ((await applied.textContent()) ?? '').trim();
  check(/^Applied: [1-9]\d* visits? booked.*; 1 pinned visit kept in the next run\.$/.test(appliedText), `carla applies the plan: ${appliedText}`);
  return { applied: true, from, to };
}

/** The board shows no two of the patient's visits at the same time (her home is one home). */
export async function oneVisitAtATimeAtHome(page, patient) {
  await page.waitForTimeout(1500); // the board refreshes after applying
  await settled(page);
  const visits = await visitsOnTheBoard(page, patient);
  const clash = overlapping(visits);
  check(visits.length > 0 && clash.length === 0,
    `the board shows ${visits.length} visits of ${patient} this week and no two at her home at the same time${clash.length ? ': ' + clash.join('; ') : ''}`);
}

/**
 * A clinician calls in sick: carla picks the first day from tomorrow on this week on which the clinician has visits
 * still to make, records the sick call, reviews the repair plan and applies it.
 */
export async function sickCall(page, clinician) {
  const tomorrow = agencyDay(new Date(Date.now() + 86400000).toISOString());
  const days = await page.locator(`tr[data-clinician="${clinician}"] .chip`).evaluateAll((chips) =>
    chips.filter((c) => !/completed|checked in/.test(c.textContent ?? '')).map((c) => c.dataset.start));
  const candidates = [...new Set(days.map(agencyDay))].filter((d) => d >= tomorrow).sort();
  const day = candidates[0] ?? tomorrow;
  const form = page.getByRole('form', { name: 'Clinician called in sick' });
  const who = form.getByLabel('Sick clinician');
  await who.selectOption((await who.locator('option', { hasText: clinician }).first().getAttribute('value')) ?? '');
  await form.getByLabel('Sick day').fill(day);
  const label = await runAndReview(page, () => form.getByRole('button', { name: 'Plan around the sick call' }).click());
  check(/^Repair from .* for .* called in sick for .* finished$/.test(label), `a sick call for ${clinician} on ${day} starts a repair: "${label}"`);
  const planText = ((await page.locator('.plan-summary p').first().textContent()) ?? '').trim();
  const moved = await page.locator('table.plan-changes tbody tr').count();
  const unplanned = await page.locator('.plan-summary ul[aria-labelledby="plan-unplanned"] li').allTextContents();
  check(/visits? to book or move/.test(planText),
    `the repair plan is there to review: ${planText}${unplanned.length ? ' Not planned: ' + unplanned.join('; ') : ''}`);
  await shot(page, 'coordinator-sick-call');
  await accessible(page, 'sick-call repair plan');
  if (moved > 0) {
    await page.getByRole('button', { name: 'Apply the plan' }).click();
    await page.locator('.applied').waitFor();
    const appliedText = ((await page.locator('.applied').textContent()) ?? '').trim();
    check(/^Applied: \d+ visits? booked/.test(appliedText), `carla applies the repair plan: ${appliedText}`);
    await page.waitForTimeout(1500);
    await settled(page);
    const left = await page.locator(`tr[data-clinician="${clinician}"] .chip`).evaluateAll((chips) =>
      chips.filter((c) => !/completed|checked in/.test(c.textContent ?? '')).map((c) => c.dataset.start));
    check(!left.map(agencyDay).includes(day), `the board shows no visit left with ${clinician} on ${day}`);
  } else {
    check(unplanned.length > 0 || candidates.length === 0,
      `nothing to move: ${clinician} had no visit to make that day, or none could go elsewhere (each with its reason)`);
  }
  return { day };
}

export default async function optimizer(browser) {
  const { context, page } = await openBoard(browser);
  const patient = 'Jane Doe';
  await scopedPlan(page, patient);
  await oneVisitAtATimeAtHome(page, patient);
  await sickCall(page, 'Nina Nurse');
  await signOut(page, 'coordinator (optimizer)');
  await context.close();
}
