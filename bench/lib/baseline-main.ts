/**
 * Runs the bare-stack baseline as its own process: BASELINE_DB (a SQLite file path) and PORT
 * (0 picks one). Prints "on http://127.0.0.1:PORT" once listening, as server/main.ts does.
 * BASELINE_TOKEN (the API token it accepts) runs the one doing a report's durable work instead
 * (durable-baseline-server.ts).
 */
import { buildBaseline } from './baseline-server';
import { buildDurableBaseline } from './durable-baseline-server';

const dbPath = process.env.BASELINE_DB;
if (!dbPath) throw new Error('BASELINE_DB is not set');
const token = process.env.BASELINE_TOKEN;
const baseline = token ? await buildDurableBaseline(dbPath, token) : await buildBaseline(dbPath);
process.on('SIGTERM', () => {
  void baseline.close().then(() => process.exit(0));
});
await baseline.app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
const address = baseline.app.server.address();
const port = address && typeof address === 'object' ? address.port : 0;
process.stdout.write(`baseline on http://127.0.0.1:${port}\n`);
