import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';

describe('serving the console', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'duty-static-'));
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>应急值守台</title>');
    t = await startApp({ config: { staticDir: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page for client routes and files that appear after start (a rebuild)', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/admin/users' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    writeFileSync(join(dir, 'assets', 'index-new.js'), 'console.log(1)');
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-new.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
  });

  it('answers a missing asset with 404, never with the page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(res.statusCode).toBe(404);
  });
});
