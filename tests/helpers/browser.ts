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

/**
 * Clicks a button of the open Popconfirm once its popup has stopped zooming in. Playwright's
 * "stable" check can pass in the tail of antd's motion while the popup still scales: press and
 * release then land on different points, the browser makes no click, and the confirmation never
 * runs (under CI's load a test then waited 30 s for its effect).
 */
export async function confirmPopconfirm(
  page: Page,
  button: 'primary' | 'dangerous' = 'primary',
): Promise<void> {
  const settled = page.locator(
    '.ant-popconfirm:not(.ant-popover-hidden):not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])',
  );
  await settled.locator(`.ant-btn-${button}`).click();
}
