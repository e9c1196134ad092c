import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { as, signInAdmin, startApp } from '../helpers/app';
import { CALL } from '../helpers/incidents';

describe('backup and restore drill', () => {
  it('backs up a live SQLite database and a server started on the copy has every record and an intact chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-backup-'));
    const t = await startApp();
    const admin = await signInAdmin(t.app);
    const { secret } = (
      await t.app.inject(as(admin, { method: 'POST', url: '/api/tokens', payload: { name: 'hotline' } }))
    ).json();
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/incidents',
        headers: { authorization: `Bearer ${secret}` },
        payload: { ...CALL, source: 'api', summary: `第 ${i} 起` },
      });
    }
    const target = join(dir, 'copy.sqlite');
    // Taken while the server is running and holding the database open.
    const out = execFileSync('npx', ['tsx', 'server/cli/backup.ts', target], {
      env: { ...process.env, DATABASE_URL: t.app.config.databaseUrl },
      encoding: 'utf8',
    });
    expect(out).toContain('backup written');
    const head = (await t.app.inject(as(admin, { method: 'GET', url: '/api/events?limit=1' }))).json()
      .headSeq;
    await t.close();

    const restored = await startApp({ databaseUrl: `sqlite:${target}` });
    const a = await signInAdmin(restored.app);
    const incidents = (await restored.app.inject(as(a, { method: 'GET', url: '/api/incidents' }))).json()
      .incidents;
    expect(incidents.map((i: { summary: string }) => i.summary).sort()).toEqual([
      '第 0 起',
      '第 1 起',
      '第 2 起',
      '第 3 起',
      '第 4 起',
    ]);
    const chain = (await restored.app.inject(as(a, { method: 'GET', url: '/api/events/verify' }))).json();
    expect(chain.ok).toBe(true);
    expect(chain.headSeq).toBeGreaterThanOrEqual(head);
    await restored.close();
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);
});
