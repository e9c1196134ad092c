import { loadConfig, redactUrl } from '../config';
import { connect } from '../db/connect';
import { verifyChain } from '../events/verify';

/** `npm run audit:verify`: proves no event was altered or removed. Exit 0 intact, 1 broken. */
const config = loadConfig();
const { db } = connect(config);
try {
  const report = await verifyChain(db);
  const where = redactUrl(config.databaseUrl);
  if (report.ok) {
    process.stdout.write(
      `event log intact: ${report.checked} events, head seq ${report.headSeq} (${where})\n`,
    );
  } else {
    process.stdout.write(`EVENT LOG BROKEN at seq ${report.brokenAt}: ${report.reason} (${where})\n`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
