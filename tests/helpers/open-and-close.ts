/**
 * A process whose only work is one app on the SQLite file named by its argument: it starts the app,
 * closes it, and must then end by itself with code 0 (tests/api/checkpointer.test.ts).
 */
import { startApp } from './app';

const t = await startApp({ databaseUrl: `sqlite:${process.argv[2]}` });
await t.close();
console.log('closed');
