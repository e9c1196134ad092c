import { buildApp } from './app';
import { startDatabase } from './bootstrap';
import { ConfigError, loadConfig, redactUrl } from './config';
import { DEMO_LEADERS, DEMO_USERNAMES } from './demo/seed';
import { armExitWatchdog } from './shutdown';
import { flushStdout, writeStdout } from './stdout';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp(config);
  const say = (line: string) => writeStdout(`${line}\n`);
  const start = await startDatabase(app);
  if (start.generatedPassword) {
    // Printed once, to the terminal, never to the log.
    say(
      `\n  First start: created user "admin" with password: ${start.generatedPassword}\n  (set DUTY_ADMIN_PASSWORD to choose it; it is not shown again)\n`,
    );
  }
  if (start.demoRefused) say('  DEMO=1 is ignored: NODE_ENV=production never seeds demo accounts.');
  if (start.demoSeeded) {
    say(
      [
        '',
        `  !!! DEMO DATA SEEDED on the first start of this empty database: ${DEMO_USERNAMES.length} demo accounts,`,
        `  !!! ${DEMO_USERNAMES.join(', ')} (${DEMO_LEADERS.length} of them leaders on call: ${DEMO_LEADERS.join(', ')}),`,
        `  !!! sign in with the password: ${config.demoPassword}`,
        '  !!! They must not be used on a real install. A real install starts on an empty database with',
        '  !!! DEMO=0 or NODE_ENV=production; here, disable these accounts (Administration → Users).',
        '',
      ].join('\n'),
    );
  } else if (start.demoAccounts.length > 0) {
    say(
      `  !!! This database holds demo accounts (${start.demoAccounts.join(', ')}): not for a real install.`,
    );
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // Ends the process at the timeout even if the main thread is stuck (a log write, a native call):
    // a timer of this thread would never fire then.
    armExitWatchdog(config.shutdownTimeoutMs);
    setTimeout(() => process.exit(1), Math.floor(config.shutdownTimeoutMs * 0.9)).unref();
    app.log.info({ signal }, 'shutting down');
    await app.close();
    // The last lines to a reader that still reads; never longer than a tenth of the timeout.
    await flushStdout(Math.floor(config.shutdownTimeoutMs / 10));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  say(
    `  Duty Console (应急值守台) on http://${config.host}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}  ·  database: ${redactUrl(config.databaseUrl)}`,
  );
}

main().catch((err) => {
  process.stderr.write(`Duty Console failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
