// The browser test of `polity serve --demo` (issues 6 and 15), run by
// crates/polity/tests/browser.rs: in real headless Chromium, an anonymous visitor to the open
// election follows "Sign in to vote", signs in as chen and comes back to the ballot, casts a
// ranked ballot with the keyboard-usable form and gets a receipt; alice, the officer, is told why
// she cannot close yet; at the deadline she closes after a confirmation page and reads the
// result; chen's receipt is found on the tally sheet. axe-core checks every page visited against
// WCAG 2.1 A and AA (0 violations), on desktop and phone sizes. Screenshots go to the folder given.
//
// Two phases, a server each: `vote` on the demo's day (chen votes; closing early is not offered
// because three members have not voted), then `close` on a server started at the deadline (alice
// closes, the result is read, chen's receipt is found).
//
// usage: node vote.mjs BASE_URL SCREENSHOT_DIR vote|close RECEIPT_FILE
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [base, shots, phase, receiptFile] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const expect = (condition, message) => { if (!condition) { throw new Error(message); } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // bypassCSP: only so that axe-core can be injected; the pages themselves allow no script.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
  const page = await context.newPage();

  // axe-core on the page as it is now: WCAG 2.1 A and AA, no violation allowed.
  const checked = [];
  async function axe(name) {
    await page.addScriptTag({ content: axeSource });
    const found = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    });
    expect(found.length === 0, `axe-core on ${name}:\n${found.join('\n')}`);
    checked.push(name);
  }

  async function signIn(login, landing = '/') {
    if (!page.url().includes('/signin')) {
      await page.goto(`${base}/signin`);
    }
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Password').fill('polity-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${base}${landing}`);
    const flash = await page.locator('.flash').first().textContent();
    expect(flash.includes(`Signed in as ${login}.`), `not signed in as ${login}: ${flash}`);
  }

  if (phase === 'vote') {
    // The home page: the body tree and what is under way.
    await page.goto(`${base}/`);
    expect(await page.getByRole('link', { name: 'Technical Steering Committee' }).count() === 1, 'no TSC on the home page');
    await axe('home');
    await page.screenshot({ path: `${shots}/1-home.png`, fullPage: true });

    // An anonymous visitor sees where the vote stands and "Sign in to vote", which comes back.
    await page.goto(`${base}/elections/tsc/e2`);
    const standing = await page.locator('.standing').textContent();
    expect(standing.includes('5 of 9 eligible voters have voted') && standing.includes('6 needed'), `standing: ${standing}`);
    await axe('election (anonymous)');
    await page.getByRole('link', { name: 'Sign in to vote' }).click();
    await page.waitForURL(/\/signin\?next=/);
    await axe('sign-in');
    // chen votes: the ranks are chosen with the keyboard through the labelled selects.
    await signIn('chen', '/elections/tsc/e2');
    await axe('election (ballot)');
    const dana = page.getByLabel('Dana Li');
    await dana.focus();
    await dana.selectOption('1');
    await page.getByLabel('Chen Wei').selectOption('2');
    await page.screenshot({ path: `${shots}/2-ballot.png`, fullPage: true });
    await page.getByRole('button', { name: 'Cast my secret ballot' }).click();
    // The receipt and the ballot key are shown on this one page, never again.
    await page.getByRole('heading', { name: 'Your ballot is recorded' }).waitFor();
    const codes = await page.locator('dd code').allTextContents();
    const [receipt, key] = codes;
    expect(/^[0-9a-f]{32}$/.test(receipt || ''), `no receipt shown: ${codes}`);
    expect(/^[0-9a-f]{32}$/.test(key || '') && key !== receipt, `no ballot key shown: ${codes}`);
    writeFileSync(receiptFile, receipt);
    await axe('receipt');
    await page.screenshot({ path: `${shots}/3-receipt.png`, fullPage: true });
    await page.goto(`${base}/elections/tsc/e2`);
    expect(!(await page.content()).includes(key), 'the ballot key is shown again');
    // After voting the page says so; the ballot form is not there again as if one had to vote.
    expect(await page.getByText('You have voted.').isVisible(), 'no "you have voted"');
    expect(!(await page.getByRole('button', { name: 'Replace my ballot' }).isVisible()), 'the ballot form shows again');
    await axe('election (voted)');
    await page.getByRole('button', { name: 'Sign out' }).click();

    // alice, the officer, is not offered a close before the deadline while members have not
    // voted (E3): the page says why.
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    expect(await page.getByRole('button', { name: /Close the election/ }).count() === 0, 'an early close is offered');
    const why = await page.locator('.note', { hasText: 'You cannot close the election yet' }).textContent();
    expect(why.includes('E3') && why.includes('6 of 9 eligible voters have voted'), `early close: ${why}`);
    await axe('election (officer, too early)');
    await page.screenshot({ path: `${shots}/3b-early-close.png`, fullPage: true });
    console.log(`ok: ballot ${receipt} cast, early close refused; axe-core: 0 violations on ${checked.join(', ')}`);
  } else {
    const receipt = readFileSync(receiptFile, 'utf8').trim();
    // On the deadline alice closes the election.
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    await page.getByRole('button', { name: 'Close the election and count…' }).click();
    // The close cannot be undone: a second page says what it does before it is done.
    await page.getByRole('heading', { name: 'Close election tsc/e2 and count the ballots?' }).waitFor();
    const consequence = await page.locator('[role=alert]').textContent();
    expect(consequence.includes('6 of 9 eligible voters have voted') && consequence.includes('counts 6 ballot(s)'), `confirmation: ${consequence}`);
    await axe('close confirmation');
    await page.screenshot({ path: `${shots}/3c-confirm-close.png`, fullPage: true });
    await page.getByRole('button', { name: 'Close the election and count', exact: true }).click();
    await page.waitForURL(`${base}/elections/tsc/e2`);
    const flash = await page.locator('.flash').first().textContent();
    expect(flash.includes('The election is closed and counted.'), `success in words: ${flash}`);
    const result = await page.locator('#result').textContent();
    expect(result.startsWith('Result'), 'no result heading');
    const elected = await page.locator('ul.elected').textContent();
    expect(/(Dana Li|Chen Wei).*term from 2026-07-01/.test(elected), `no winner and term shown: ${elected}`);
    const sheet = await page.locator('#sheet').textContent();
    expect(sheet.includes('6 ballots'), `tally sheet: ${sheet}`);
    await axe('result');
    await page.screenshot({ path: `${shots}/4-result.png`, fullPage: true });

    // The receipt check finds chen's ballot, whatever the case it is typed in.
    await page.getByLabel('Receipt', { exact: true }).fill(receipt.toUpperCase());
    await page.getByRole('button', { name: 'Find my ballot' }).click();
    const found = await page.locator('[role=status]').last().textContent();
    expect(found.includes(`receipt ${receipt} is on the tally sheet, ranking dana > chen`), `receipt check: ${found}`);

    // The body's page shows its contributions as a chart (C3): every month, names in the legend.
    await page.setViewportSize({ width: 1280, height: 900 });
    for (let attempt = 0; attempt < 60; attempt++) {
      await page.goto(`${base}/bodies/tsc`);
      if (await page.locator('.chart svg').count() > 0) break;
      await page.waitForTimeout(500);
    }
    const chart = page.locator('.chart');
    const legend = await chart.textContent();
    expect(legend.includes('China Mobile') && legend.includes('Feb'), `the chart: ${legend.slice(0, 400)}`);
    const box = await chart.boundingBox();
    const inner = await page.locator('.chart svg').boundingBox();
    expect(inner.width <= box.width + 1, `the chart is cut off (${inner.width} > ${box.width})`);
    await chart.screenshot({ path: `${shots}/7-health-chart.png` });

    // Readable on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/elections/tsc/e2`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= 390, `the result page scrolls sideways on a phone (${width}px)`);
    await axe('result (phone)');
    await page.screenshot({ path: `${shots}/5-phone-result.png`, fullPage: true });
    await page.goto(`${base}/bodies/tsc`);
    await axe('body (phone)');
    await page.screenshot({ path: `${shots}/6-phone-body.png`, fullPage: true });
    await page.goto(`${base}/log`);
    const logWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(logWidth <= 390, `the record scrolls sideways on a phone (${logWidth}px)`);
    await axe('record (phone)');
    await page.screenshot({ path: `${shots}/8-phone-record.png`, fullPage: true });
    console.log(`ok: election closed, result read, receipt ${receipt} found; axe-core: 0 violations on ${checked.join(', ')}; screenshots in ${shots}`);
  }
} finally {
  await browser.close();
}
