/**
 * `npm run user -- create|list|disable|reset`: staff accounts (issue #16). The work is done
 * by scripts/lib/staff/user-command.ts; this entry opens the database (DATABASE_URL, else
 * KB_DB), brings it up to date and maps failures to exit codes (2 wrong usage, 1 failure).
 */
import { databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { cliConfig } from '../core/config/cli.ts';
import { isUsageError } from './lib/cli/usage.ts';
import { runUserCommand, USER_HELP } from './lib/staff/user-command.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USER_HELP);
    return 0;
  }
  const config = cliConfig();
  const { db } = openDatabase(databaseOptions(config));
  try {
    await migrate(db);
    await runUserCommand(args, { db, now: new Date(), print: (line) => console.log(line) });
    return 0;
  } catch (error) {
    if (isUsageError(error)) {
      console.error(`user: ${(error as Error).message}\nRun "npm run user -- --help" for the usage.`);
      return 2;
    }
    console.error(`user: ${(error as Error).message}`);
    return 1;
  } finally {
    await db.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`user: ${error.message}`);
    process.exit(1);
  },
);
