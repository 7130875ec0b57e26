// The clinician's other days and the family in Spanish: Nina Nurse opens tomorrow on "My day" and is told why she
// cannot check in yet and when she can, with a link that opens Jane's address in her phone's maps app; Fran, Jane's
// daughter, switches the family portal to Spanish, reads the plan in plain Spanish words and the notice of the visit
// booked, still in Spanish after a reload, and writes to the team; Dr. Patel, Jane's lead physician, sees Fran's
// message under Fran's name and answers; Fran sees the answer. Each step is exported for a longer story to chain.
import { accessible, approveJaneSnAuthorization, base, check, consoleCallOk, janeDoe, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const ZONE = 'America/New_York'; // the demo agency's zone

/** YYYY-MM-DD of a day some days from now in the agency's zone. */
function dayInZone(offsetDays) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + offsetDays * 86_400_000));
}

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: ZONE, locale: 'en-US', ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page };
}

/**
 * Setup, not the journey's subject: Nina needs a visit tomorrow at Jane's. Like the visits journey, the coordinator
 * adds an extra (PRN) nursing visit and books it at 10:00 tomorrow with Nina's hours widened for it (and restored);
 * a visit of Nina's at Jane's tomorrow that is still to do is used as it is (the journey may run again).
 */
export async function ninaHasAVisitTomorrow(browser) {
  await approveJaneSnAuthorization(browser);
  const { context, page } = await newPage(browser);
  await signIn(page, 'carla.coordinator');
  const call = (method, path, body, headers) => consoleCallOk(page, method, path, body, headers);
  const tomorrow = dayInZone(1);
  const jane = await janeDoe(page);
  const nina = (await call('GET', '/scheduling/v1/clinicians?size=200')).json.items.find((c) => c.name === 'Nina Nurse');
  const day = (await call('GET', `/scheduling/v1/clinicians/${nina.id}/day?date=${tomorrow}`)).json;
  let stop = day.stops.find((s) => s.patientId === jane.id && s.status === 'SCHEDULED');
  if (!stop) {
    const visit = (await call('POST', '/scheduling/v1/visits',
      { patientId: jane.id, discipline: 'SN', type: 'IN_HOME', earliest: tomorrow, latest: tomorrow })).json;
    const clinician = await call('GET', `/scheduling/v1/clinicians/${nina.id}`);
    const original = { ...clinician.json };
    delete original.id;
    const widened = { ...original, hours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
      .map((d) => ({ day: d, start: '00:00', end: '23:59' })) };
    const changed = await call('PUT', `/scheduling/v1/clinicians/${nina.id}`, widened, { 'If-Match': clinician.etag });
    try {
      let refusal = null;
      for (const hour of ['10', '11', '13', '14', '15', '16', '09', '17', '18', '19']) {
        // 10:00 in New York: -05:00 in winter, -04:00 in summer; the offset of tomorrow noon is the one that holds
        const offset = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
          .formatToParts(new Date(`${tomorrow}T17:00:00Z`)).find((p) => p.type === 'timeZoneName').value.replace('GMT', '') || '+00:00';
        const start = new Date(`${tomorrow}T${hour}:00:00${offset}`);
        const current = await call('GET', `/scheduling/v1/visits/${visit.id}`);
        try {
          await call('PUT', `/scheduling/v1/visits/${visit.id}/booking`, { clinicianId: nina.id, start: start.toISOString(),
            end: new Date(start.getTime() + 30 * 60_000).toISOString() }, { 'If-Match': current.etag });
          refusal = null;
          break;
        } catch (e) {
          refusal = e;
          if (!String(e.message).includes(': 422 ')) throw e;
        }
      }
      if (refusal) throw refusal;
    } finally {
      await call('PUT', `/scheduling/v1/clinicians/${nina.id}`, original, { 'If-Match': changed.etag });
    }
    stop = (await call('GET', `/scheduling/v1/clinicians/${nina.id}/day?date=${tomorrow}`)).json.stops.find((s) => s.visitId === visit.id);
  }
  check(!!stop, `setup: Nina Nurse has a nursing visit at Jane Doe's tomorrow (${tomorrow}) to look at`);
  await signOut(page, 'carla.coordinator');
  await context.close();
  return { visitId: stop.visitId, date: tomorrow };
}

/** Nina opens tomorrow from "My day": no check-in button yet, the reason and opening time, and a maps link. */
export async function clinicianLooksAtTomorrow(browser, visit) {
  const started = Date.now();
  const { context, page } = await newPage(browser);
  await signIn(page, 'nina.nurse');
  await page.waitForURL(`${base}/console/my-day`, { timeout });
  await page.getByRole('heading', { name: 'My day' }).waitFor();
  await settled(page);
  const picker = page.getByRole('navigation', { name: 'Choose the day' });
  await picker.waitFor();
  check(/\(today\) · times in the agency’s zone \((EST|EDT), America\/New_York\)/.test(await picker.innerText()),
    'My day says which day it shows and that times are in the agency\'s zone (America/New_York)');
  await picker.getByRole('button', { name: 'Next day →' }).click();
  await page.waitForURL(new RegExp(`/console/my-day\\?date=${visit.date}$`));
  const stop = page.locator(`#stop-${visit.visitId}`);
  await stop.waitFor();
  await settled(page);
  check((await picker.getByLabel('Go to date').inputValue()) === visit.date, `"Next day →" shows tomorrow (${visit.date}) and the address keeps it`);
  check((await stop.getByRole('button', { name: 'Check in' }).count()) === 0, 'tomorrow\'s visit offers no "Check in" button before its window opens');
  const reason = (await stop.locator('.check-in-closed').innerText()).trim();
  check(/^Check-in is not open yet: it opens at \w{3}, \w{3} \d{1,2}, \d{1,2}:\d{2}\s[AP]M \((EST|EDT), America\/New_York\), two hours before the visit starts\.$/.test(reason),
    `the visit says why and when check-in opens: "${reason}"`);
  const maps = stop.getByRole('link', { name: /^Open in maps: Jane Doe’s home/ });
  const href = await maps.getAttribute('href');
  check(/^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=12%20Elm%20Street/.test(href ?? '')
    && (await maps.getAttribute('target')) === '_blank', `an "Open in maps" link opens Jane's address in the phone's maps app (${href})`);
  await shot(page, 'clinician-any-day');
  await accessible(page, 'My day, tomorrow');
  await page.reload();
  await stop.waitFor();
  check(await stop.isVisible(), 'a reload stays on tomorrow');
  await picker.getByRole('button', { name: 'Today' }).click();
  await page.waitForURL(`${base}/console/my-day`);
  check(true, '"Today" returns to today');
  await signOut(page, 'nina.nurse');
  await context.close();
  console.log(`  (clinician's other day: ${Date.now() - started} ms)`);
}

/**
 * Fran reads Jane's portal in Spanish, the choice survives a reload, and she writes to the team. Returns her words
 * and her page, still open (she waits for the answer there).
 */
export async function familyReadsInSpanishAndWrites(browser) {
  const started = Date.now();
  const { context, page } = await newPage(browser);
  await signIn(page, 'fran.family');
  await page.waitForURL(`${base}/console/family`, { timeout });
  await page.getByRole('heading', { name: 'Family portal' }).waitFor();
  await settled(page);
  const englishCard = page.getByRole('article', { name: 'Jane Doe' });
  await englishCard.getByRole('region', { name: 'Plan of care in brief' }).waitFor();
  check(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed') === 'true',
    'the family portal speaks English to Fran by default (Jane\'s language is English)');

  await page.getByRole('button', { name: 'Español' }).click();
  await page.getByRole('heading', { name: 'Portal familiar' }).waitFor();
  const card = page.getByRole('article', { name: 'Jane Doe' });
  for (const section of ['Próximas visitas', 'Plan de cuidado en resumen', 'Mensajes de la familia', 'Signos vitales']) {
    check(await card.getByRole('region', { name: section }).isVisible(), `in Spanish the portal shows "${section}"`);
  }
  const plan = card.getByRole('region', { name: 'Plan de cuidado en resumen' });
  const words = (await plan.locator('.plan-words li').allInnerTexts()).map((w) => w.trim());
  check(words.length > 0 && words.every((w) => /^Visitas de [\p{L} ]+ (.*(vez|veces) por semana durante \d+ semanas?|solo si hace falta).*\.$/u.test(w)),
    `the plan reads in plain Spanish words: ${words.map((w) => `"${w}"`).join(' ')}`);
  const thread = card.getByRole('region', { name: 'Mensajes de la familia' });
  const notice = thread.locator('.messages li.system-notice', { hasText: /Se programó una visita de enfermería para el/ });
  await notice.first().waitFor();
  check(true, 'the family was told in its thread, in Spanish, that a nursing visit was booked');
  await shot(page, 'family-portal-spanish');
  await accessible(page, 'family portal in Spanish');

  await page.reload();
  await page.getByRole('heading', { name: 'Portal familiar' }).waitFor();
  await settled(page);
  check(await page.getByRole('button', { name: 'Español' }).getAttribute('aria-pressed') === 'true', 'the Spanish choice survives a reload');

  const text = `Mamá tiene los tobillos hinchados hoy (${new Date().toISOString()})`;
  await thread.getByLabel('Escriba al equipo de cuidado').fill(text);
  await thread.getByRole('button', { name: 'Enviar' }).click();
  await thread.locator('.messages li.mine', { hasText: text }).waitFor();
  check(true, 'Fran writes to the care team in Spanish: her message is in the family thread');
  console.log(`  (family in Spanish: ${Date.now() - started} ms)`);
  return { text, context, page };
}

/** Jane's lead physician finds Fran's message under Fran's name in the family thread and answers it. */
export async function leadClinicianAnswersFamily(browser, franText) {
  const started = Date.now();
  const { context, page } = await newPage(browser);
  await signIn(page, 'dr.patel');
  await page.waitForURL(`${base}/console/inbox`, { timeout });
  await page.getByRole('link', { name: 'Messages', exact: true }).click();
  await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
  await settled(page);
  await page.getByRole('navigation', { name: 'Threads' }).getByRole('link', { name: 'Family of Jane Doe' }).click();
  await page.getByRole('heading', { name: 'Family of Jane Doe' }).waitFor();
  await settled(page);
  const message = page.locator('.messages li', { hasText: franText });
  await message.waitFor();
  const author = (await message.locator('.meta strong').innerText()).trim();
  check(/^Fran\b.*\(daughter\)$/.test(author), `Dr. Patel, Jane's lead physician, takes part in the family thread and sees Fran's message under her name ("${author}")`);
  check((await page.locator('.messages li .meta strong', { hasText: /^A colleague$/ }).count()) === 0, 'no one in the family thread is "A colleague"');
  await shot(page, 'physician-family-thread');
  await accessible(page, 'family thread for the lead physician');
  const answer = `Gracias, Fran. Nina la verá mañana y revisará los tobillos (${new Date().toISOString()})`;
  await page.getByLabel('Message', { exact: true }).fill(answer);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.locator('.messages li', { hasText: answer }).waitFor();
  check(true, 'Dr. Patel answers Fran in the family thread');
  await signOut(page, 'dr.patel');
  await context.close();
  console.log(`  (lead physician answers: ${Date.now() - started} ms)`);
  return answer;
}

/** Fran, on the page she wrote from, sees the answer arrive from the care team (live, or after a reload). */
export async function familySeesTheAnswer(fran, answer) {
  const { context, page } = fran;
  const thread = () => page.getByRole('article', { name: 'Jane Doe' }).getByRole('region', { name: 'Mensajes de la familia' });
  const reply = () => thread().locator('.messages li', { hasText: answer });
  if (!(await reply().waitFor({ timeout: 10_000 }).then(() => true, () => false))) {
    await page.reload();
    await page.getByRole('heading', { name: 'Portal familiar' }).waitFor();
    await reply().waitFor();
  }
  check(/^Equipo de cuidado/.test((await reply().locator('.meta').innerText()).trim()),
    'Fran sees the lead physician\'s answer from the care team, in the Spanish portal');
  await signOut(page, 'fran.family');
  await context.close();
}

export default async function family(browser) {
  const visit = await ninaHasAVisitTomorrow(browser);
  await clinicianLooksAtTomorrow(browser, visit);
  const fran = await familyReadsInSpanishAndWrites(browser);
  const answer = await leadClinicianAnswersFamily(browser, fran.text);
  await familySeesTheAnswer(fran, answer);
}
