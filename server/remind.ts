// `npm run endpoint:remind`: sends the day's reminder digests now, by the same rules as the daily job
// (each member at most once a day: a digest another run sent is not sent again). AP_TODAY sets the day.
import { isIsoDate, todayInLondon } from '../src/model/index.js';
import { loadConfig } from './config.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open.js';
import { reminderMail } from './jobs/mail.js';
import { sendReminders } from './jobs/reminders.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const day = process.env.AP_TODAY || todayInLondon();
  if (!isIsoDate(day)) throw new Error(`AP_TODAY must be a date written YYYY-MM-DD, not "${day}".`);
  const mail = reminderMail(config);
  if (!mail) throw new Error('AP_SMTP_URL is not set: there is no SMTP server to send the reminders through.');
  // The embedded database refuses a second process (its lock file): stop the endpoint first, or use PostgreSQL.
  const db = await openDb(config);
  try {
    await migrate(db);
    const run = await sendReminders({ db, mail, from: config.reminders.from, publicUrl: config.reminders.publicUrl }, day);
    console.log(`Reminders for ${day}: ${run.sent} sent, ${run.claimedElsewhere} already sent, ${run.quiet} with nothing to send.`);
  } finally {
    await db.close();
    mail.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exit(1);
});
