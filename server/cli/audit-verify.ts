import { loadConfig, redactUrl } from '../config';
import { connect } from '../db/connect';
import { DutyError } from '../errors';
import { type ExpectedAnchor, parseExpected, verifyLog } from '../modules/audit/service';

/**
 * `npm run audit:verify [-- --expect <seq>:<hash prefix> …]`: proves no event was altered or
 * removed: the chain, every recorded checkpoint, and anchors read off printed handovers.
 * Exit 0 intact, 1 broken, 2 not verifiable here (keyed log without AUDIT_KEY, or bad arguments).
 */
function expectedFrom(args: string[]): ExpectedAnchor[] {
  const out: ExpectedAnchor[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--expect' && args[i + 1] !== undefined) out.push(...parseExpected(args[++i]!));
    else if (arg.startsWith('--expect=')) out.push(...parseExpected(arg.slice('--expect='.length)));
    else
      throw new DutyError(
        'DUTY_ERR_VALIDATION',
        `unknown argument "${arg}" (use --expect <seq>:<hash prefix>)`,
      );
  }
  return out;
}

const say = (line: string) => process.stdout.write(`${line}\n`);
let expected: ExpectedAnchor[];
try {
  expected = expectedFrom(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`audit:verify: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
}
const config = loadConfig();
const { db } = connect(config);
try {
  const report = await verifyLog(db, config.auditKey, expected);
  const where = redactUrl(config.databaseUrl);
  const keyed = report.keyedFrom === null ? 'plain SHA-256' : `HMAC-keyed from seq ${report.keyedFrom}`;
  if (report.ok) {
    say(
      `event log intact: ${report.checked} events, head seq ${report.headSeq}, ${keyed}, ` +
        `${report.checkpoints} checkpoint(s) match (${where})`,
    );
  } else if (report.brokenAt === null) {
    say(`EVENT LOG NOT VERIFIED: ${report.reason} (${where})`);
    process.exitCode = 2;
  } else {
    say(`EVENT LOG BROKEN at seq ${report.brokenAt}: ${report.reason} (${where})`);
    for (const problem of report.problems.slice(1)) say(`  also: ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
