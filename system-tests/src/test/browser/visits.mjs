// The clinician's day and staff messages: Nina Nurse sees her route drawn, checks in and out of a visit at Jane Doe's
// home with the browser's location (EVV) and a visit note, then sends Dr. Patel an urgent message with a photo in
// Jane's care-team thread; Dr. Patel finds it among his urgent messages and acknowledges it.
import { deflateSync } from 'node:zlib';
import { accessible, approveJaneSnAuthorization, base, check, consoleCallOk, janeDoe, settled, shot, signIn, signOut, timeout } from './lib.mjs';

const ZONE = 'America/New_York'; // the demo agency's zone: "today" of the schedule

/** A small PNG drawn here (a red disc on skin tone), so the test needs no file. */
function photo(size = 48) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const rows = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 4) ** 2;
      rows.set(inside ? [190, 40, 40] : [232, 196, 170], y * (size * 3 + 1) + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Carla makes sure Nina has a visit at Jane's today that she can check in to (check-in opens two hours before the
 * start; booking refuses starts in the past): an SN visit already booked for Nina today and not done yet, or else an
 * extra 15-minute SN visit for Jane added and booked in the first free slot of Nina's next two hours (it uses one
 * unit of Jane's SN authorization; the plan's own visits stay for the journeys that schedule them). Outside Nina's
 * working hours Carla widens them for the booking and restores them right after, as JaneJourneyIT does.
 */
async function carlaBooksNinaToday(page) {
  const zone = ZONE;
  const call = (method, path, body, headers) => consoleCallOk(page, method, path, body, headers);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const jane = await janeDoe(page);
  const home = (await call('GET', `/scheduling/v1/patients/${jane.id}`)).json;
  const nina = (await call('GET', '/scheduling/v1/clinicians?size=200')).json.items.find((c) => c.name === 'Nina Nurse');
  const day = (await call('GET', `/scheduling/v1/clinicians/${nina.id}/day`)).json;
  const open = day.stops.find((s) => s.patientId === jane.id && s.discipline === 'SN' && ['SCHEDULED', 'CHECKED_IN'].includes(s.status)
    && new Date(s.start).getTime() - Date.now() < 115 * 60_000);
  if (open) return { visitId: open.visitId, booked: false, latitude: home.latitude, longitude: home.longitude };

  // 15 minutes in the first free slot of Nina's next two hours (check-in opens two hours before the start), 5
  // minutes clear of her other visits today (earlier runs leave completed visits at their booked times)
  // (her other visits may be at other homes: the booking rules also want the travel time between them, so each
  // free slot is tried in turn until one is accepted)
  const taken = day.stops.map((s) => [new Date(s.start).getTime() - 5 * 60_000, new Date(s.end).getTime() + 5 * 60_000]);
  const local = (d) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  const endOf = (t) => new Date(t.getTime() + 15 * 60_000);
  const first = Math.ceil((Date.now() + 10 * 60_000) / 300_000) * 300_000;
  const free = [];
  for (let t = first; t + 15 * 60_000 <= Date.now() + 115 * 60_000; t += 300_000) {
    if (taken.every(([from, to]) => t + 15 * 60_000 <= from || t >= to)) free.push(new Date(t));
  }
  if (free.length === 0) throw new Error('Nina\'s next two hours are fully booked; run the journey again later');
  const candidates = free.filter((t) => local(t).startsWith(today) && local(endOf(t)).startsWith(today));
  if (candidates.length === 0) {
    throw new Error(`too close to midnight in ${zone} to book a visit today; run the journey again after midnight`);
  }
  let start = candidates[0];
  // an extra (PRN) visit added by hand, so that the plan's visits stay for the journeys that schedule them
  const visit = (await call('POST', '/scheduling/v1/visits',
    { patientId: jane.id, discipline: 'SN', type: 'IN_HOME', earliest: today, latest: today })).json;

  const clinician = await call('GET', `/scheduling/v1/clinicians/${nina.id}`);
  const original = { ...clinician.json };
  delete original.id;
  const widened = { ...original, hours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']
    .map((d) => ({ day: d, start: '00:00', end: '23:59' })) };
  const changed = await call('PUT', `/scheduling/v1/clinicians/${nina.id}`, widened, { 'If-Match': clinician.etag });
  try {
    let refusal = null;
    for (const candidate of candidates) {
      const current = await call('GET', `/scheduling/v1/visits/${visit.id}`);
      try {
        await call('PUT', `/scheduling/v1/visits/${visit.id}/booking`,
          { clinicianId: nina.id, start: candidate.toISOString(), end: endOf(candidate).toISOString() }, { 'If-Match': current.etag });
        start = candidate;
        refusal = null;
        break;
      } catch (e) {
        refusal = e; // e.g. TRAVEL_TIME from a visit at another home: the next slot
        if (!String(e.message).includes(': 422 ')) throw e;
      }
    }
    if (refusal) throw refusal;
  } finally {
    await call('PUT', `/scheduling/v1/clinicians/${nina.id}`, original, { 'If-Match': changed.etag });
  }
  return { visitId: visit.id, booked: true, start: start.toISOString(), latitude: home.latitude, longitude: home.longitude };
}

export default async function visits(browser) {
  const run = new Date().toISOString();

  // --- the coordinator books Nina's visit today, if she has none to do -------------------------------------------------
  let visit;
  await approveJaneSnAuthorization(browser); // booking Jane's SN visit needs it approved
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await signIn(page, 'carla.coordinator');
    visit = await carlaBooksNinaToday(page);
    check(!!visit.visitId, visit.booked
      ? `the coordinator adds and books an SN visit for Nina at Jane Doe's today at ${visit.start} (her hours widened for it and restored)`
      : 'Nina already has an SN visit at Jane Doe\'s today to check in to');
    await signOut(page, 'carla.coordinator');
    await context.close();
  }

  // --- Nina: her day, drawn; EVV check-in and check-out at Jane's home; an urgent photo for Dr. Patel ----------------
  let urgentText;
  {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: ZONE,
      geolocation: { latitude: visit.latitude, longitude: visit.longitude, accuracy: 15 },
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await signIn(page, 'nina.nurse');
    await page.waitForURL(`${base}/console/my-day`, { timeout });
    await page.getByRole('heading', { name: 'My day' }).waitFor();
    await settled(page);
    const drawing = page.getByRole('img', { name: /^Route drawing: from your home base through \d+ stops? in visit order/ });
    await drawing.waitFor();
    const markers = await page.locator('.route-map .route-stop').count();
    const line = await page.locator('.route-map polyline').getAttribute('points');
    check(markers >= 1 && line.split(' ').length >= 2,
      `My day draws Nina's route: a line from her home base through the numbered stops (${markers} place(s)), no map tiles`);
    const stop = page.locator(`#stop-${visit.visitId}`);
    check(await stop.isVisible() && /Jane Doe/.test(await stop.innerText()), 'My day lists the visit at Jane Doe\'s in route order');
    check((await page.locator('.error').count()) === 0, 'My day shows no error');
    await shot(page, 'clinician-route');
    await accessible(page, 'My day with the drawn route');

    if (await stop.getByRole('button', { name: 'Check in' }).isVisible()) {
      await stop.getByRole('button', { name: 'Check in' }).click();
      await stop.getByText(/^Checked in at .*location verified/).waitFor();
      check(true, 'Nina checks in with the browser\'s location at Jane\'s home: EVV location verified, no exception');
    }
    const note = `Dressing changed; wound edges red, photo sent to Dr. Patel (${run})`;
    await stop.getByLabel('Visit note for the care team (optional)').fill(note);
    await stop.getByRole('button', { name: 'Check out' }).click();
    await stop.getByText(/^Checked out at .*location verified/).waitFor();
    await stop.getByText('The visit note is shared with the care team.').waitFor();
    check(/Completed/.test(await stop.innerText()), 'Nina checks out with her location: the visit is completed and the visit note shared');

    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await settled(page);
    await page.getByRole('navigation', { name: 'Threads' }).getByRole('link', { name: 'Care team of Jane Doe' }).click();
    await page.getByRole('heading', { name: 'Care team of Jane Doe' }).waitFor();
    await settled(page);
    check(await page.locator('.messages li', { hasText: note }).isVisible(), 'the visit note is in Jane Doe\'s care-team thread');

    const photoInput = page.getByLabel('Photo (optional)');
    await photoInput.setInputFiles({ name: 'too-big.png', mimeType: 'image/png', buffer: Buffer.concat([photo(), Buffer.alloc(1_200_000)]) });
    await page.getByText(/photos sent through the console may be at most 1 MB/).waitFor();
    check(true, 'a photo over 1 MB is refused in the browser, with a sentence, before anything is sent');

    urgentText = `Shin wound larger and red at the edges, photo attached. Please advise. (${run})`;
    await page.getByLabel('Message', { exact: true }).fill(urgentText);
    await photoInput.setInputFiles({ name: 'wound.png', mimeType: 'image/png', buffer: photo() });
    await page.getByLabel('Urgent: a team member must acknowledge it').check();
    await page.getByLabel('Urgent for').selectOption({ label: 'Dr. Priya Patel' });
    await page.getByLabel('Backup if it is not acknowledged in time').selectOption({ label: 'Carla Coordinator' });
    await page.getByRole('button', { name: 'Send urgent message' }).click();
    await page.getByText(/^Urgent message sent to Dr\. Priya Patel/).waitFor();
    const sent = page.locator('.messages li', { hasText: urgentText });
    await sent.waitFor();
    const thumbnail = sent.getByRole('img', { name: /^Photo from You/ });
    await thumbnail.waitFor();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await thumbnail.elementHandle(), { timeout });
    check(/Urgent for Dr\. Priya Patel: waiting for acknowledgement/.test(await sent.innerText()),
      'Nina sends an urgent message with a photo to Dr. Patel in Jane Doe\'s care-team thread; the photo shows as a thumbnail');
    await accessible(page, 'Messages: the care-team thread');
    await signOut(page, 'nina.nurse');
    await context.close();
  }

  // --- Dr. Patel: the urgent message waits in his inbox; he acknowledges it -----------------------------------------
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: ZONE });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    await signIn(page, 'dr.patel');
    await page.waitForURL(`${base}/console/inbox`, { timeout });
    await page.getByRole('heading', { name: 'Signatures and alerts' }).waitFor();
    await settled(page);
    const urgent = page.getByRole('region', { name: 'Urgent messages' });
    const item = urgent.locator('li', { hasText: urgentText });
    await item.waitFor();
    const thumbnail = item.getByRole('img', { name: /^Photo from Nina Nurse/ });
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await thumbnail.elementHandle(), { timeout });
    check(/from Nina Nurse in Care team of Jane Doe/.test(await item.innerText()),
      'Dr. Patel sees Nina\'s urgent message with its photo under "Urgent messages" in his inbox');
    await shot(page, 'physician-urgent');
    await accessible(page, 'physician inbox with urgent messages');
    await item.getByRole('button', { name: 'Acknowledge' }).click();
    await urgent.getByText(/^Acknowledged\. Nina Nurse can see that you have read it\./).waitFor();
    await item.waitFor({ state: 'detached' });
    check(true, 'Dr. Patel acknowledges the urgent message; it leaves his urgent list');

    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    await page.getByRole('heading', { name: 'Messages', level: 1 }).waitFor();
    await settled(page);
    await page.getByRole('navigation', { name: 'Threads' }).getByRole('link', { name: 'Care team of Jane Doe' }).click();
    const message = page.locator('.thread .messages li', { hasText: urgentText });
    await message.waitFor();
    check(/Urgent for you: acknowledged by you at/.test(await message.innerText()),
      'the care-team thread shows the urgent message as acknowledged by Dr. Patel');
    await accessible(page, 'physician messages');
    await signOut(page, 'dr.patel');
    await context.close();
  }
}
