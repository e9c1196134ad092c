import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the 8-byte signature. */
function pngSize(body: Buffer): { width: number; height: number } {
  expect([...body.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(body.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

/**
 * Installable on the intranet over plain http (issue 13 point 2): the built console (`npm test` runs
 * `vite build` first; the app serves dist/client) serves a web app manifest without a session, with
 * the manifest type, and the icons it names exist at the sizes it states.
 */
describe('the console as a home-screen app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves /manifest.webmanifest to a browser that is not signed in, as application/manifest+json', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/manifest.webmanifest' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = JSON.parse(res.body);
    expect(manifest).toMatchObject({
      name: '应急值守台',
      short_name: '值守台',
      start_url: '/',
      display: 'standalone',
      theme_color: '#0b2447',
      background_color: '#0b2447',
      lang: 'zh-CN',
    });
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
    expect(icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'}`).sort()).toEqual([
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    for (const icon of icons) {
      const file = await t.app.inject({ method: 'GET', url: icon.src });
      expect(file.statusCode, icon.src).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(icon.type).toBe('image/png');
      const [w, h] = icon.sizes.split('x').map(Number);
      expect(pngSize(file.rawPayload), icon.src).toEqual({ width: w, height: h });
    }
  });

  it('index.html links the manifest, the theme colour and the home-screen icon', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    const html = page.body;
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toContain('<meta name="theme-color" content="#0b2447"');
    expect(html).toContain('<meta name="apple-mobile-web-app-capable" content="yes"');
    const touch = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(touch).toBe('/icons/apple-touch-icon.png');
    const icon = await t.app.inject({ method: 'GET', url: touch });
    expect(icon.statusCode).toBe(200);
    expect(pngSize(icon.rawPayload)).toEqual({ width: 180, height: 180 });
  });
});
