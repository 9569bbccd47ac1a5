// The product's pages in a real browser, as a new user goes through them: sign up, copy the token (and use it
// with the account page's curl example), upload the invoice, see its boxes, download the docx, ask the chat,
// rotate the token (the old one gets 401). Debian's Chromium, headless and off the network, through
// playwright-core. Any failed check or any console error exits non-zero; screenshots go to the folder given.
//
//   node e2e/product.mjs BASE_URL INVOICE_IMAGE LARGE_SCAN_PDF SCREENSHOT_DIR
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [base, invoice, scan, shots] = process.argv.slice(2);
if (!base || !invoice || !scan || !shots) {
  console.error('usage: node e2e/product.mjs BASE_URL INVOICE_IMAGE LARGE_SCAN_PDF SCREENSHOT_DIR');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

/** Waits for a locator; a timeout says what the page's status line said, which is usually why. */
async function appears(page, locator, timeout = 30_000) {
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    const status = await page.locator('#status').innerText().catch(() => '');
    throw new Error(`${error.message.split('\n')[0]}; the page says: ${status}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(`Check failed: ${message}`);
  console.log(`ok - ${message}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic',
  ],
});
const problems = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${page.url()})`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message} (${page.url()})`));
  page.on('dialog', (dialog) => dialog.accept());

  // 1. Sign up at /.
  await page.goto(`${base}/`);
  check(await page.getByRole('heading', { name: 'Sign up' }).isVisible(), 'the sign-up form is shown at /');
  const email = `e2e-${Date.now()}@example.com`;
  await page.getByLabel('Email').first().fill(email);
  await page.getByLabel(/^Password/).first().fill('a long enough password');
  await page.getByRole('button', { name: 'Create a free account' }).click();
  const tokenField = page.locator('#new-token');
  await appears(page, tokenField);
  check((await tokenField.getAttribute('type')) === 'password', 'the new token is masked');
  const token = await tokenField.inputValue();
  check(/^ocr_[A-Za-z0-9_-]{43}$/.test(token), 'an API token is shown once');
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByText('Copied to the clipboard').waitFor();
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  check(clipboard === token, 'Copy puts the token on the clipboard');
  check(!(await page.locator('#signup').isVisible()), 'the forms give way to the token once signed up');
  await page.screenshot({ path: join(shots, '1-signed-up.png') });

  // 2. The account page, and its curl example run with the copied token.
  await page.getByRole('link', { name: 'Continue to your account' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await page.locator('#balance dd').first().waitFor();
  const balance = await page.locator('#balance').innerText();
  check(/free/.test(balance) && /0 of 100 credits/.test(balance), 'the account page shows the free plan and its balance');
  check(/A cpu page\s+1 credit/.test(balance), 'the account page shows the price per page');
  await page.getByText('cURL', { exact: true }).click();
  const curlExample = await page.locator('#examples pre').first().innerText();
  check(curlExample.includes(`${base}/api/v1/ocr/`) && !curlExample.includes(token), 'the curl example names this server, not the token');
  const work = mkdtempSync(join(tmpdir(), 'ocrchat-e2e-'));
  copyFileSync(invoice, join(work, 'invoice.pdf'));
  const submit = curlExample.split('\n# 2.')[0];
  const submitted = JSON.parse(execFileSync('bash', ['-c', submit], { cwd: work, env: { ...process.env, OCRCHAT_TOKEN: clipboard } }).toString());
  check(typeof submitted.uuid === 'string' && submitted.status !== 'failed', `the copied token works with the page's curl example (${submitted.status})`);

  // 3. Upload the invoice; its blocks are drawn over the page.
  // Dropped on the drop zone, as a person drags it from their files.
  const dropped = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return transfer;
    },
    { bytes: [...readFileSync(invoice)], name: 'invoice.png' },
  );
  await page.locator('#drop').dispatchEvent('drop', { dataTransfer: dropped });
  check(/invoice\.png/.test(await page.locator('#drop-text').innerText()), 'a file dropped on the page is taken');
  await page.getByRole('button', { name: 'Read it' }).click();
  await page.waitForURL(/\/job\?uuid=/);
  await page.locator('.box').first().waitFor({ timeout: 60_000 });
  check(!(await page.locator('#tooltip').isVisible()), 'no tooltip until a box is hovered');
  const boxes = await page.locator('.box').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
  check(boxes.some((label) => /Total: 215\.00 USD/.test(label)), `the blocks are drawn over the page (${boxes.length} boxes)`);
  const image = page.locator('.page img').first();
  await image.waitFor();
  // Made on its first request (converted to the page's size and stored), so it can arrive after the boxes.
  const shown = await image.evaluate((img) => img.decode().then(() => img.naturalWidth > 0, () => false));
  check(shown, 'the page image is shown under the boxes');
  await page.locator('.box[aria-label*="Total"]').first().hover();
  await page.locator('#tooltip').waitFor({ state: 'visible' });
  check(/% confident/.test(await page.locator('#tooltip').innerText()), 'hovering a box shows its text and confidence');
  check(/Total: 215\.00 USD/.test(await page.locator('#markdown').innerText()), 'the Markdown is rendered beside the page');
  await page.screenshot({ path: join(shots, '2-job.png'), fullPage: true });

  // 4. Download the docx.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'docx', exact: true }).click()]);
  const saved = join(work, 'result.docx');
  await download.saveAs(saved);
  const docx = readFileSync(saved);
  check(docx.subarray(0, 2).toString() === 'PK' && docx.includes('word/document.xml'), `the docx downloads (${docx.length} bytes)`);

  // 5. Ask the chat; the citation links to its page.
  await page.getByLabel('Your question').fill('What is the total?');
  await page.getByRole('button', { name: 'Ask' }).click();
  const answer = page.locator('.message.assistant').first();
  await answer.waitFor({ timeout: 30_000 });
  check(/215/.test(await answer.innerText()), `the chat answers (${(await answer.locator('p').innerText()).slice(0, 80)})`);
  const cite = answer.locator('a.cite').first();
  check((await cite.innerText()) === 'page 1', 'the answer cites page 1 as a link');
  await cite.click();
  await page.locator('#page-1.cited').waitFor();
  check(true, 'following the citation marks the cited page');
  await page.screenshot({ path: join(shots, '3-chat.png'), fullPage: true });

  // 6. Keyboard: a box takes focus and says what it holds.
  await page.locator('.box').first().focus();
  check(await page.locator('#tooltip').isVisible(), 'a box shows its text on keyboard focus too');

  // 7. A phone-width screen: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `the job page fits a phone-width screen (overflow ${overflow}px)`);
  await page.screenshot({ path: join(shots, '4-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // 8. Every field of every page has a label.
  for (const path of ['/account', '/pricing']) {
    await page.goto(`${base}${path}`);
    await page.locator('main h1').waitFor();
    const unlabeled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((field) => field.type !== 'hidden' && !field.labels?.length && !field.getAttribute('aria-label'))
        .map((field) => field.id || field.name),
    );
    check(unlabeled.length === 0, `every field on ${path} has a label`);
  }
  check(/Credits per page/.test(await page.locator('main').innerText()), 'the pricing page shows the plans as configured');

  // 9. A scan larger than one request: a presigned upload straight to the object store, then progress.
  await page.goto(`${base}/account`);
  await page.locator('#file').setInputFiles(scan);
  const ticket = page.waitForResponse((response) => response.url().endsWith('/api/v1/uploads/') && response.status() === 201);
  const put = page.waitForRequest((request) => request.method() === 'PUT' && !request.url().startsWith(base));
  await page.getByRole('button', { name: 'Read it' }).click();
  await ticket;
  check((await put).url().includes('incoming/'), 'a large file goes through /api/v1/uploads/ to its presigned URL');
  await page.waitForURL(/\/job\?uuid=/);
  await page.locator('#progress').waitFor({ state: 'visible' });
  check(/Reading: \d+ of 6 pages done/.test(await page.locator('#status').innerText()), 'progress is shown while the job runs');
  await page.locator('#page-6 .box').first().waitFor({ timeout: 120_000 });
  check((await page.locator('.page').count()) === 6, 'all six pages are drawn when it is done');

  // 10. Rotate the token: the old one gets 401 from the API at once, the new one works.
  await page.goto(`${base}/account`);
  await page.getByRole('button', { name: 'Make a new token' }).click();
  await appears(page, page.locator('#new-token'));
  const rotated = await page.locator('#new-token').inputValue();
  check(rotated !== token && /^ocr_/.test(rotated), 'a new token is shown once');
  const asOld = await fetch(`${base}/api/v1/account/`, { headers: { Authorization: `Bearer ${token}` } });
  check(asOld.status === 401, 'the old token gets 401');
  const asNew = await fetch(`${base}/api/v1/account/`, { headers: { Authorization: `Bearer ${rotated}` } });
  check(asNew.status === 200, 'the new token works');

  // 11. Log out: the session ends; log in again with the same email and password.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Sign up' }).waitFor();
  check(true, 'logging out returns to the sign-up page');
  const afterLogout = await context.request.get(`${base}/api/v1/account/`);
  check(afterLogout.status() === 401, 'the ended session opens nothing (with the browser\'s cookies)');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill('a long enough password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Your account' }).waitFor();
  await page.locator('#balance dd').first().waitFor();
  check((await page.locator('#balance').innerText()).includes(email), 'logging in again opens the account page');

  check(problems.length === 0, `no console errors${problems.length ? `: ${problems.join('; ')}` : ''}`);
  writeFileSync(join(shots, 'result.json'), JSON.stringify({ email, checks: 'passed' }));
} finally {
  await browser.close();
}
