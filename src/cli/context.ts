import { type LocalTend, openLocalTend } from '../app/local.js';

/** Open the user's Tend for one command, and always close it. */
export async function withTend<T>(
  dataDir: string | undefined,
  work: (tend: LocalTend) => Promise<T>,
): Promise<T> {
  const tend = await openLocalTend({ dataDir, databaseUrl: process.env.DATABASE_URL });
  try {
    return await work(tend);
  } finally {
    await tend.database.close();
  }
}
