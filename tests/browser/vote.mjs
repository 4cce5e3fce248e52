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
// The same walk runs in English and in Simplified Chinese (the browser's locale sets
// Accept-Language); Chinese screenshots are named zh-….
//
// usage: node vote.mjs BASE_URL SCREENSHOT_DIR vote|close RECEIPT_FILE en|zh
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [base, shots, phase, receiptFile, lang = 'en'] = process.argv.slice(2);
// The words of the walk in each language (people's names and the engine's refusals are data).
const WORDS = {
  en: {
    locale: 'en-GB', html: 'en', login: 'Login', password: 'Password', signIn: 'Sign in',
    signedIn: (login) => `Signed in as ${login}.`, standing: '5 of 9 eligible voters have voted', needed: '6 needed',
    signInToVote: 'Sign in to vote', cast: 'Cast my secret ballot', recorded: 'Your ballot is recorded',
    voted: 'You have voted.', replace: 'Replace my ballot', signOut: 'Sign out', close: /Close the election/,
    cannotClose: 'You cannot close the election yet', earlyClose: '6 of 9 eligible voters have voted', closeAndCount: 'Close the election and count…',
    confirmHeading: 'Close election tsc/e2 and count the ballots?', confirmStanding: '6 of 9 eligible voters have voted',
    confirmCounts: 'counts 6 ballot(s)', confirmButton: 'Close the election and count', closed: 'The election is closed and counted.',
    result: 'Result', term: /(Dana Li|Chen Wei).*term from 2026-07-01/, sheet: '6 ballots', receipt: 'Receipt',
    find: 'Find my ballot', found: (receipt) => `receipt ${receipt} is on the tally sheet, ranking dana > chen`,
    february: 'Feb', chartUnit: 'contributions a month',
  },
  zh: {
    locale: 'zh-CN', html: 'zh-Hans', login: '登录名', password: '密码', signIn: '登录',
    signedIn: (login) => `已登录为 ${login}。`, standing: '9 名合格选民中已有 5 人投票', needed: '需要 6 人',
    signInToVote: '登录后投票', cast: '投出我的秘密选票', recorded: '你的选票已记录',
    voted: '你已投票。', replace: '替换我的选票', signOut: '退出', close: /结束选举/,
    cannotClose: '你现在还不能结束选举', earlyClose: '9 名合格选民中已有 6 人投票', closeAndCount: '结束选举并计票…',
    confirmHeading: '结束选举 tsc/e2 并计票？', confirmStanding: '9 名合格选民中已有 6 人投票',
    confirmCounts: '将计算 6 张选票', confirmButton: '结束选举并计票', closed: '选举已结束并完成计票。',
    result: '结果', term: /(Dana Li|Chen Wei).*任期自 2026-07-01/, sheet: '6 张选票', receipt: '回执',
    find: '查找我的选票', found: (receipt) => `回执 ${receipt} 在计票单上，排序为 dana > chen`,
    february: '2月', chartUnit: '每月贡献数',
  },
}[lang];
const shot = (name) => `${shots}/${lang === 'en' ? '' : `${lang}-`}${name}`;
mkdirSync(shots, { recursive: true });
const expect = (condition, message) => { if (!condition) { throw new Error(message); } };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // bypassCSP: only so that axe-core can be injected; the pages themselves allow no script.
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true, locale: WORDS.locale });
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
    await page.getByLabel(WORDS.login).fill(login);
    await page.getByLabel(WORDS.password).fill('polity-demo');
    await page.getByRole('button', { name: WORDS.signIn, exact: true }).click();
    await page.waitForURL(`${base}${landing}`);
    const flash = await page.locator('.flash').first().textContent();
    expect(flash.includes(WORDS.signedIn(login)), `not signed in as ${login}: ${flash}`);
    expect(await page.evaluate(() => document.documentElement.lang) === WORDS.html, 'the page does not say its language');
  }

  if (phase === 'vote') {
    // The home page: the body tree and what is under way.
    await page.goto(`${base}/`);
    expect(await page.getByRole('link', { name: 'Technical Steering Committee' }).count() === 1, 'no TSC on the home page');
    await axe('home');
    await page.screenshot({ path: shot('1-home.png'), fullPage: true });

    // An anonymous visitor sees where the vote stands and "Sign in to vote", which comes back.
    await page.goto(`${base}/elections/tsc/e2`);
    const standing = await page.locator('.standing').textContent();
    expect(standing.includes(WORDS.standing) && standing.includes(WORDS.needed), `standing: ${standing}`);
    await axe('election (anonymous)');
    await page.getByRole('link', { name: WORDS.signInToVote }).click();
    await page.waitForURL(/\/signin\?next=/);
    await axe('sign-in');
    // chen votes: the ranks are chosen with the keyboard through the labelled selects.
    await signIn('chen', '/elections/tsc/e2');
    await axe('election (ballot)');
    const dana = page.getByLabel('Dana Li');
    await dana.focus();
    await dana.selectOption('1');
    await page.getByLabel('Chen Wei').selectOption('2');
    await page.screenshot({ path: shot('2-ballot.png'), fullPage: true });
    await page.getByRole('button', { name: WORDS.cast }).click();
    // The receipt and the ballot key are shown on this one page, never again.
    await page.getByRole('heading', { name: WORDS.recorded }).waitFor();
    const codes = await page.locator('dd code').allTextContents();
    const [receipt, key] = codes;
    expect(/^[0-9a-f]{32}$/.test(receipt || ''), `no receipt shown: ${codes}`);
    expect(/^[0-9a-f]{32}$/.test(key || '') && key !== receipt, `no ballot key shown: ${codes}`);
    writeFileSync(receiptFile, receipt);
    await axe('receipt');
    await page.screenshot({ path: shot('3-receipt.png'), fullPage: true });
    await page.goto(`${base}/elections/tsc/e2`);
    expect(!(await page.content()).includes(key), 'the ballot key is shown again');
    // After voting the page says so; the ballot form is not there again as if one had to vote.
    expect(await page.getByText(WORDS.voted).isVisible(), 'no "you have voted"');
    expect(!(await page.getByRole('button', { name: WORDS.replace }).isVisible()), 'the ballot form shows again');
    await axe('election (voted)');
    await page.getByRole('button', { name: WORDS.signOut }).click();

    // alice, the officer, is not offered a close before the deadline while members have not
    // voted (E3): the page says why.
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    expect(await page.getByRole('button', { name: WORDS.close }).count() === 0, 'an early close is offered');
    const why = await page.locator('.note', { hasText: WORDS.cannotClose }).textContent();
    expect(why.includes('E3') && why.includes(WORDS.earlyClose), `early close: ${why}`);
    await axe('election (officer, too early)');
    await page.screenshot({ path: shot('3b-early-close.png'), fullPage: true });
    console.log(`ok: ballot ${receipt} cast, early close refused; axe-core: 0 violations on ${checked.join(', ')}`);
  } else {
    const receipt = readFileSync(receiptFile, 'utf8').trim();
    // On the deadline alice closes the election.
    await signIn('alice');
    await page.goto(`${base}/elections/tsc/e2`);
    await page.getByRole('button', { name: WORDS.closeAndCount }).click();
    // The close cannot be undone: a second page says what it does before it is done.
    await page.getByRole('heading', { name: WORDS.confirmHeading }).waitFor();
    const consequence = await page.locator('[role=alert]').textContent();
    expect(consequence.includes(WORDS.confirmStanding) && consequence.includes(WORDS.confirmCounts), `confirmation: ${consequence}`);
    await axe('close confirmation');
    await page.screenshot({ path: shot('3c-confirm-close.png'), fullPage: true });
    await page.getByRole('button', { name: WORDS.confirmButton, exact: true }).click();
    await page.waitForURL(`${base}/elections/tsc/e2`);
    const flash = await page.locator('.flash').first().textContent();
    expect(flash.includes(WORDS.closed), `success in words: ${flash}`);
    const result = await page.locator('#result').textContent();
    expect(result.startsWith(WORDS.result), 'no result heading');
    const elected = await page.locator('ul.elected').textContent();
    expect(WORDS.term.test(elected), `no winner and term shown: ${elected}`);
    const sheet = await page.locator('#sheet').textContent();
    expect(sheet.includes(WORDS.sheet), `tally sheet: ${sheet}`);
    await axe('result');
    await page.screenshot({ path: shot('4-result.png'), fullPage: true });

    // The receipt check finds chen's ballot, whatever the case it is typed in.
    await page.getByLabel(WORDS.receipt, { exact: true }).fill(receipt.toUpperCase());
    await page.getByRole('button', { name: WORDS.find }).click();
    const found = await page.locator('[role=status]').last().textContent();
    expect(found.includes(WORDS.found(receipt)), `receipt check: ${found}`);

    // The body's page shows its contributions as a chart (C3): every month, names in the legend.
    await page.setViewportSize({ width: 1280, height: 900 });
    for (let attempt = 0; attempt < 60; attempt++) {
      await page.goto(`${base}/bodies/tsc`);
      if (await page.locator('.chart svg').count() > 0) break;
      await page.waitForTimeout(500);
    }
    const chart = page.locator('.chart');
    const legend = await chart.textContent();
    expect(
      legend.includes('China Mobile') && legend.includes(WORDS.february) && legend.includes(WORDS.chartUnit),
      `the chart, in the page's language: ${legend.slice(0, 400)}`,
    );
    const box = await chart.boundingBox();
    const inner = await page.locator('.chart svg').boundingBox();
    expect(inner.width <= box.width + 1, `the chart is cut off (${inner.width} > ${box.width})`);
    await chart.screenshot({ path: shot('7-health-chart.png') });

    // Readable on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/elections/tsc/e2`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width <= 390, `the result page scrolls sideways on a phone (${width}px)`);
    await axe('result (phone)');
    await page.screenshot({ path: shot('5-phone-result.png'), fullPage: true });
    await page.goto(`${base}/bodies/tsc`);
    await axe('body (phone)');
    await page.screenshot({ path: shot('6-phone-body.png'), fullPage: true });
    await page.goto(`${base}/log`);
    const logWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(logWidth <= 390, `the record scrolls sideways on a phone (${logWidth}px)`);
    await axe('record (phone)');
    await page.screenshot({ path: shot('8-phone-record.png'), fullPage: true });
    console.log(`ok: election closed, result read, receipt ${receipt} found; axe-core: 0 violations on ${checked.join(', ')}; screenshots in ${shots}`);
  }
} finally {
  await browser.close();
}
