import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium, started the way this machine allows (no sandbox as root, no background traffic).
 * Its pages ask for reduced motion unless a test says otherwise, so the console opens popups and
 * dialogs without antd's zoom. A click on a popup still zooming in can be lost: Playwright's
 * "stable" check passes in the motion's tail, press and release land on different points, and the
 * browser makes no click (under CI's load a confirmation never ran and its test waited 30 s).
 * tests/e2e/reduced-motion.test.ts covers both.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  browser.newPage = (options) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

/** Signs in through the real sign-in page and waits for the live connection. */
export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.locator('#sign-in_username').fill(username);
  await page.locator('#sign-in_password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page
    .getByTestId('live-status')
    .and(page.locator('[data-status="live"]'))
    .waitFor({ timeout: 15_000 });
}
