/**
 * Opening the server's database with errors that name it (issue 14): "file is not a
 * database" or "permission denied" alone does not say which file or server was meant.
 */
import { databaseName, migrate, openDatabase, type DatabaseOptions, type OpenedDatabase } from './index.ts';

/** Opens and migrates the database; any failure is rethrown as `Database <file or URL without password>: <reason>`. */
export async function openAndMigrate(options: DatabaseOptions): Promise<{ opened: OpenedDatabase; applied: string[] }> {
  let opened: OpenedDatabase | undefined;
  try {
    opened = openDatabase(options);
    return { opened, applied: await migrate(opened.db) };
  } catch (error) {
    await opened?.close().catch(() => undefined);
    throw new Error(`Database ${databaseName(options)}: ${(error as Error).message}`, { cause: error });
  }
}
