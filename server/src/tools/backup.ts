/**
 * AU3: `pnpm backup FILE` — an online copy of the live database, made with
 * SQLite's backup API while the server keeps running (WAL lets it read a
 * consistent state while commands commit). The copy is a plain SQLite file:
 * to restore, stop the server, put the copy at DATABASE_PATH (and remove any
 * -wal/-shm files beside it), and start the server again.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';

export async function backupDatabase(source: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`No database at ${source} (set DATABASE_PATH)`);
  if (existsSync(destination)) throw new Error(`${destination} already exists; choose a new file so no backup is overwritten`);
  mkdirSync(dirname(resolve(destination)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    // The server may be committing meanwhile: wait for its write lock rather than fail.
    db.pragma('busy_timeout = 10000');
    const progress = await db.backup(destination);
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [destination] = process.argv.slice(2);
  const source = resolve(process.env.INIT_CWD ?? process.cwd(), process.env.DATABASE_PATH ?? 'data/hallflow.db');
  if (!destination) {
    console.error('usage: pnpm backup FILE   (copies DATABASE_PATH, default ./data/hallflow.db, while the server runs)');
    process.exit(2);
  }
  const target = resolve(process.env.INIT_CWD ?? process.cwd(), destination);
  try {
    const { pages } = await backupDatabase(source, target);
    console.log(`backed up ${source} → ${target} (${pages} pages)`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
