// The browser test of `polity serve --demo` (issue 6), run by crates/polity/tests/browser.rs:
// in real headless Chromium, chen signs in, casts a ranked ballot with the keyboard-usable form
// and gets a receipt; alice, the officer, closes the election and reads the result; chen's
// receipt is found on the tally sheet. Screenshots go to the folder given.
//
// Two phases, a server each: `vote` on the demo's day (chen votes; closing early is refused
// because three members have not voted), then `close` on a server started at the deadline (alice
// closes, the result is read, chen's receipt is found).
//
// usage: node vote.mjs BASE_URL SCREENSHOT_DIR vote|close RECEIPT_FILE
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [base, shots, phase, receiptFile] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const expect = (condition, message) => { if (!condition) { throw new Error(message); } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();

  async function signIn(login) {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Login').fill(login);
    await page.getByLabel('Password').fill('polity-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(`${base}/`);
    const flash = await page.locator('.flash').textContent();
    expect(flash.includes(`Signed in as ${login}.`), `not signed in as ${login}: ${flash}`);
  }

  if (phase === 'vote') {
    // The home page: the body tree and what is under way.
    await page.goto(`${base}/`);
    expect(await page.getByRole('link', { name: 'Technical Steering Committee' }).count() === 1, 'no TSC on the home page');
    await page.screenshot({ path: `${shots}/1-home.png`, fullPage: true });

    // chen votes: the ranks are chosen with the keyboard through the labelled selects.
    await signIn('chen');
    await page.goto(`${base}/elections/tsc/e2`);
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
    await page.screenshot({ path: `${shots}/3-receipt.png`, fullPage: true });
    await page.goto(`${base}/elections/tsc/e2`);
    expect(!(await page.content()).includes(key), 'the ballot key is shown again');
    await page.getByRole('button', { name: 'Sign out' }).click();

    // alice, the officer, may not close before the deadline while members have not voted (E3).
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    await page.getByRole('button', { name: 'Close the election and count' }).click();
    const refusal = await page.locator('[role=alert]').textContent();
    expect(refusal.includes('E3') && refusal.includes('6 of 9 eligible voters have voted'), `early close: ${refusal}`);
    await page.screenshot({ path: `${shots}/3b-early-close.png`, fullPage: true });
    console.log(`ok: ballot ${receipt} cast, early close refused`);
  } else {
    const receipt = readFileSync(receiptFile, 'utf8').trim();
    // On the deadline alice closes the election.
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    await page.getByRole('button', { name: 'Close the election and count' }).click();
    await page.waitForURL(`${base}/elections/tsc/e2`);
    const result = await page.locator('#result').textContent();
    expect(result.startsWith('Result'), 'no result heading');
    const elected = await page.locator('section[aria-labelledby=result] p', { hasText: 'Elected:' }).textContent();
    expect(/Elected: (Dana Li|Chen Wei)/.test(elected), `no winner shown: ${elected}`);
    const sheet = await page.locator('#sheet').textContent();
    expect(sheet.includes('6 ballots'), `tally sheet: ${sheet}`);
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
    await page.screenshot({ path: `${shots}/5-phone-result.png`, fullPage: true });
    await page.goto(`${base}/bodies/tsc`);
    await page.screenshot({ path: `${shots}/6-phone-body.png`, fullPage: true });
    console.log(`ok: election closed, result read, receipt ${receipt} found; screenshots in ${shots}`);
  }
} finally {
  await browser.close();
}
