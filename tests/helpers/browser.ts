import { type Browser, chromium, type Page } from 'playwright-core';

/** Debian's Chromium, started the way this machine allows (no sandbox as root, no background traffic). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
