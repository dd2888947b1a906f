/**
 * `npm run token -- create --role <agent|lead|trainer|manager|admin> --name "..."`: creates a staff
 * token and prints it once (only its hash is stored). Also `list` and `revoke <id>`.
 * Works on the database at DATABASE_URL (PostgreSQL), else at KB_DB.
 */
import { parseArgs } from 'node:util';
import { databaseName, databaseOptions, migrate, openDatabase } from '../api/db/index.ts';
import { insertToken, listTokens, revokeToken, ROLES, type Role } from '../api/db/queries/tokens.ts';
import { hashToken, newToken } from '../api/lib/middleware/auth.ts';
import { cliConfig } from '../core/config/cli.ts';
import { DEFAULT_DB_FILE } from '../core/config/defaults.ts';

const HELP = `Usage:
  npm run token -- create --role <${ROLES.join('|')}> --name "<who or what uses it>"
  npm run token -- list
  npm run token -- revoke <id>

Staff tokens authenticate agents, trainers and admins to the API ("Authorization: Bearer <token>").
The token is printed once; the database keeps only its SHA-256 hash. Database: DATABASE_URL (PostgreSQL), else KB_DB (default ${DEFAULT_DB_FILE}).`;

function fail(message: string): never {
  console.error(`token: ${message}\n\n${HELP}`);
  process.exit(2);
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(HELP);
  const [command, arg] = positionals;
  const database = databaseOptions(cliConfig());
  const dbFile = databaseName(database);
  const { db } = openDatabase(database);
  try {
    await migrate(db);
    if (command === 'create') {
      if (!values.role || !(ROLES as readonly string[]).includes(values.role)) fail(`--role must be one of ${ROLES.join(', ')}`);
      const name = values.name?.trim();
      if (!name || name.length > 100) fail('--name must say who or what uses the token (1–100 characters)');
      const token = newToken();
      const id = await insertToken(db, name, values.role as Role, hashToken(token), new Date());
      console.log(`Created ${values.role} token #${id} for "${name}" in ${dbFile}.`);
      console.log('Copy it now; it is not shown again:\n');
      console.log(token);
    } else if (command === 'list') {
      const tokens = await listTokens(db);
      if (tokens.length === 0) console.log('No tokens.');
      for (const t of tokens)
        console.log(`#${t.id}\t${t.role}\t${t.name}\tcreated ${t.created_at}${t.revoked_at ? `\trevoked ${t.revoked_at}` : ''}`);
    } else if (command === 'revoke') {
      const id = Number(arg);
      if (!Number.isInteger(id) || id < 1) fail('revoke takes the token id shown by "list"');
      if (!(await revokeToken(db, id, new Date()))) fail(`no active token #${id}`);
      console.log(`Revoked token #${id}.`);
    } else {
      fail(command ? `unknown command "${command}"` : 'name a command');
    }
  } finally {
    await db.destroy();
  }
}

main().catch((error: Error) => {
  console.error(`token: ${error.message}`);
  process.exit(1);
});
