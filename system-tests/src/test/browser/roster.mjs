// The coordinator's roster and the booking help: Carla records a certification and a day off for a clinician, the
// board says why a visit cannot be booked, she books a visit from a free slot using only the keyboard, and books a
// telehealth visit. The browser runs in Berlin on purpose: times are the agency's (New York), whatever the browser's.
// Repeatable: it looks before it adds, and books whatever Jane's nursing visits still allow (or moves a booked one).
import { accessible, check, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const AGENCY_ZONE = 'America/New_York';

/** A day counted from today in the agency's zone (YYYY-MM-DD). */
function agencyDay(daysFromToday) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: AGENCY_ZONE }).format(new Date(Date.now() + daysFromToday * 86400000));
}

/** "Mar 4, 2027": how the console writes a day in an en-US browser. */
function shownDay(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-US', { dateStyle: 'medium' });
}

/**
 * Presses Tab (at most `max` times) until the focused element's accessible name (aria-label, else text) matches;
 * answers that name. The keyboard-only part of a journey moves with this and Enter, never the mouse.
 */
export async function tabTo(page, pattern, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (pattern.test(name)) return name;
  }
  throw new Error(`FAILED: ${pattern} was not reached with the Tab key in ${max} presses`);
}

export async function openRoster(page) {
  await page.getByRole('link', { name: 'Roster' }).click();
  await page.getByRole('heading', { name: 'Roster', level: 1 }).waitFor();
  await settled(page);
}

/**
 * On the roster, adds a certification (expiring soon, so the roster warns) and a day off to a clinician, unless
 * they are there already; checks the roster row shows both with the warning in words.
 */
export async function addCertificationAndDayOff(page, clinician, certification, expiresInDays, dayOffInDays) {
  await openRoster(page);
  const row = page.locator(`tr[data-clinician="${clinician}"]`);
  await row.waitFor();
  const expires = agencyDay(expiresInDays);
  const dayOff = agencyDay(dayOffInDays);
  const text = (await row.textContent()) ?? '';
  const needsCertification = !text.includes(certification);
  const needsDayOff = !text.includes(shownDay(dayOff));
  if (needsCertification || needsDayOff) {
    await page.getByRole('button', { name: `Edit ${clinician}` }).click();
    const editor = page.getByRole('region', { name: `Edit ${clinician}` });
    await editor.getByLabel('Certification name').waitFor();
    if (needsCertification) {
      await editor.getByLabel('Certification name').fill(certification);
      await editor.getByLabel('Expires on').fill(expires);
      await editor.getByRole('button', { name: 'Add certification' }).click();
    }
    if (needsDayOff) {
      await editor.getByLabel('First day off').fill(dayOff);
      await editor.getByLabel('Last day off').fill(dayOff);
      await editor.getByRole('button', { name: 'Add time off' }).click();
    }
    await accessible(page, 'roster with the clinician editor');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Saved the changes to ${clinician}.`).waitFor();
    await settled(page);
  }
  // the table is read again after the save: wait for the row to show it rather than read it mid-render
  await row.getByText(certification).waitFor();
  await row.getByText(/expires in \d+ days?|expires today|expired/).first().waitFor();
  const after = (await row.textContent()) ?? '';
  check(after.includes(certification) && /(expires in \d+ days?|expires today|expired)/.test(after),
    `the roster shows ${clinician}'s ${certification} with its expiry warning in words${needsCertification ? ' (added now)' : ''}`);
  check(after.includes(shownDay(dayOff)), `the roster shows ${clinician}'s day off on ${shownDay(dayOff)}${needsDayOff ? ' (added now)' : ''}`);
}

async function openBoard(page) {
  await page.getByRole('link', { name: 'Schedule board' }).click();
  await page.getByRole('heading', { name: 'Schedule board' }).waitFor();
  await settled(page);
}

/** Shows the week `offset` weeks from this one (navigation by mouse: the booking itself is the keyboard part). */
async function showWeek(page, offset) {
  const thisWeek = page.getByRole('button', { name: 'This week' });
  if (await thisWeek.isEnabled()) {
    await thisWeek.click();
    await settled(page);
  }
  for (let i = 0; i < offset; i++) {
    await page.getByRole('button', { name: 'Next week →' }).click();
    await settled(page);
  }
  // the blockers load beside the board: each unassigned visit then says "Blocked: …" or "Bookable: …"
  await page.waitForFunction(() => [...document.querySelectorAll('li.unassigned-visit')].every((li) => li.querySelector('.blocked, p.muted')),
    null, { timeout: 15000 }).catch(() => undefined);
}

/** The sentence the board gives for the first blocked unassigned visit it finds (this week and the next three). */
export async function boardSaysWhyBlocked(page) {
  await openBoard(page);
  for (const offset of [1, 0, 2, 3]) {
    await showWeek(page, offset);
    const blocked = page.locator('li.unassigned-visit .blocked');
    if ((await blocked.count()) > 0) {
      const row = page.locator('li.unassigned-visit', { has: page.locator('.blocked') }).first();
      const what = ((await row.locator('p').first().textContent()) ?? '').replace(/\s*Assign$/, '').trim();
      const why = ((await blocked.first().textContent()) ?? '').replace('⛔', '').trim();
      check(/^Blocked: \S.+/.test(why), `the board says why an unassigned visit cannot be booked: ${what}: "${why}"`);
      return why;
    }
  }
  check(false, 'the board shows a blocked unassigned visit with its reason (none found in four weeks)');
}

/**
 * Finds a visit of the patient's discipline to book: an unassigned one the board calls bookable (weeks +1..+3),
 * else a booked one to move (week +2, then +3). Leaves the board on that week; answers how to reach it by keyboard.
 */
async function findVisitToBook(page, patient, disciplineWord, code, avoidVideo) {
  for (const offset of [1, 2, 3]) {
    await showWeek(page, offset);
    const labels = await page.locator('li.unassigned-visit').evaluateAll((items, prefix) => items
      .filter((li) => !li.querySelector('.blocked'))
      .map((li) => li.querySelector('button')?.getAttribute('aria-label') ?? '')
      .filter((label) => label.startsWith(prefix)), `Assign ${disciplineWord} visit of ${patient}`);
    if (labels.length) return { label: labels[0], moving: false, offset };
  }
  for (const offset of [2, 3]) {
    await showWeek(page, offset);
    const chips = await page.locator('tr[data-clinician] .chip').evaluateAll((all, [code, patient, avoidVideo]) => all
      .map((b) => (b.textContent ?? '').trim())
      .filter((t) => t.includes(`${code} · ${patient}`) && !/completed|checked in/.test(t) && !(avoidVideo && t.includes('video'))),
    [code, patient, avoidVideo]);
    if (chips.length) return { label: chips[0], moving: true, offset };
  }
  return null;
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The coordinator books a visit of the patient with the keyboard only: Tab to the visit, Enter; the panel offers
 * free slots of the day per clinician with load and travel; Tab to a slot of the clinician, Enter fills the form and
 * moves to Book; Enter books. Answers the slot's label ("10:00 AM ET with Nina Nurse, 12 min travel").
 */
export async function bookFromSlotByKeyboard(page, patient, clinician = 'Nina Nurse', disciplineWord = 'Nursing', code = 'SN') {
  await openBoard(page);
  const target = await findVisitToBook(page, patient, disciplineWord, code, false);
  check(target !== null, `there is a ${disciplineWord.toLowerCase()} visit of ${patient} to book or move in the coming weeks`);
  // from the top of the page, with the keyboard only
  await page.locator('#main').focus();
  await tabTo(page, new RegExp(`^${escapeRe(target.label)}$`));
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: new RegExp(`ssign the ${disciplineWord} visit of ${escapeRe(patient)}`) });
  await panel.waitFor();
  check(await page.evaluate(() => document.activeElement?.id === 'booking-title'),
    'Enter on the visit opens the booking panel with the keyboard focus on its heading');
  let slot = null;
  for (let day = 0; day < 7 && !slot; day++) {
    await settled(page);
    const offered = panel.getByRole('button', { name: new RegExp(` with ${escapeRe(clinician)}, `) });
    if ((await offered.count()) > 0) {
      slot = await tabTo(page, new RegExp(` with ${escapeRe(clinician)}, `));
    } else {
      const later = panel.getByRole('button', { name: 'Later →' });
      if (await later.isDisabled()) break;
      await tabTo(page, /^Later →$/);
      await page.keyboard.press('Enter');
    }
  }
  check(slot !== null, `the panel offers free slots of ${clinician} (${slot ?? 'none in the window'})`);
  const load = ((await panel.locator('.slot-clinicians > li', { hasText: clinician }).locator('p.muted').first().textContent()) ?? '').trim();
  check(/^\d+ of \d+ visits that day, \d+ visits? this week$/.test(load) && /\d+ min travel|no travel/.test(slot),
    `each clinician comes with load and travel: ${clinician}: "${load}", slot "${slot}"`);
  check(/^\d{1,2}:\d{2} [AP]M E[SD]?T /.test(slot), `slot times are labelled in the agency's zone, whatever the browser's: "${slot.split(' with ')[0]}"`);
  await shot(page, 'coordinator-booking-slots');
  await accessible(page, 'booking panel with free slots');
  await page.keyboard.press('Enter');
  check(await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Book'),
    'Enter on a slot fills the form and moves the focus to Book');
  const start = (await panel.getByLabel('Start').inputValue()) ?? '';
  await page.keyboard.press('Enter');
  await panel.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement?.classList.contains('booked-notice'), null, { timeout: 5000 }).catch(() => undefined);
  const told = await page.evaluate(() => (document.activeElement?.classList.contains('booked-notice') ? document.activeElement.textContent : '') ?? '');
  check(told.startsWith('Booked: '), `after booking, the keyboard focus is on the sentence saying what was booked: "${told}"`);
  const time = slot.split(' with ')[0];
  const chip = page.locator(`tr[data-clinician="${clinician}"] .chip`, { hasText: `${time} ${code} · ${patient}` });
  await chip.first().waitFor();
  check((await chip.count()) > 0,
    `the coordinator ${target.moving ? 'moves' : 'books'} a ${disciplineWord.toLowerCase()} visit of ${patient} with the keyboard only, from the slot ${time} (Start ${start}); the board shows it in ${clinician}'s row`);
  return slot;
}

/** Books (or moves) a visit of the patient as a telehealth visit with a video link, from a free slot. */
export async function bookTelehealth(page, patient, link, clinician = 'Nina Nurse', disciplineWord = 'Nursing', code = 'SN') {
  await openBoard(page);
  const target = await findVisitToBook(page, patient, disciplineWord, code, true);
  check(target !== null, `there is a ${disciplineWord.toLowerCase()} visit of ${patient} to book as telehealth`);
  if (target.moving) await page.locator('tr[data-clinician] .chip', { hasText: target.label }).first().click();
  else await page.getByRole('button', { name: target.label, exact: true }).click();
  const panel = page.getByRole('region', { name: new RegExp(`ssign the ${disciplineWord} visit of ${escapeRe(patient)}`) });
  await panel.getByLabel('Visit type').selectOption('TELEHEALTH');
  await panel.getByLabel('Video link').fill(link);
  let slot = null;
  for (let day = 0; day < 7 && !slot; day++) {
    await settled(page);
    const offered = panel.getByRole('button', { name: new RegExp(` with ${escapeRe(clinician)}, no travel$`) });
    if ((await offered.count()) > 0) {
      slot = (await offered.first().getAttribute('aria-label')) ?? '';
      await offered.first().click();
    } else {
      const later = panel.getByRole('button', { name: 'Later →' });
      if (await later.isDisabled()) break;
      await later.click();
    }
  }
  check(slot !== null, `telehealth slots need no travel: "${slot ?? 'none offered'}"`);
  await panel.getByRole('button', { name: 'Book' }).click();
  await panel.waitFor({ state: 'detached' });
  const time = slot.split(' with ')[0];
  const chip = page.locator(`tr[data-clinician="${clinician}"] .chip`, { hasText: `${time} ${code} · ${patient}` }).filter({ hasText: 'video' });
  await chip.first().waitFor();
  check((await chip.count()) > 0, `the coordinator books a telehealth visit of ${patient} at ${time}: the board marks it "video"`);
}

export default async function roster(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  await signIn(page, 'carla.coordinator');

  await openRoster(page);
  check(await page.getByRole('table', { name: 'Clinicians on the roster' }).isVisible(), 'the roster lists the clinicians with disciplines, skills, certifications, hours and time off');
  check(await page.locator('tr[data-clinician="Nina Nurse"]').isVisible(), 'the roster has Nina Nurse');
  await accessible(page, 'roster');
  await addCertificationAndDayOff(page, 'Pete Therapist', 'Lymphedema therapy (CLT)', 20, 75);
  await shot(page, 'coordinator-roster');

  await boardSaysWhyBlocked(page);
  await accessible(page, 'schedule board with blockers');
  await bookFromSlotByKeyboard(page, 'Jane Doe');
  await bookTelehealth(page, 'Jane Doe', 'https://video.sunrise-home-health.example/jane-doe');
  await signOut(page, 'coordinator (roster)');
  await context.close();
}
