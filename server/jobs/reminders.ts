// The reminder digests of one day (issue #18): for each member of each plan, their items worked out by
// src/model/reminders.ts, worded by src/i18n/reminder-email.ts, sent once per member and day however
// many instances run: a (member, day) row is claimed in its own transaction before the email goes.
import type { Transporter } from 'nodemailer';
import { addDays, reminderDigest, safeParseRecord, type Action, type IsoDate, type Recommendation, type ReminderMember } from '../../src/model/index.js';
import { reminderEmail } from '../../src/i18n/reminder-email.js';
import type { Db } from '../db/db.js';

export interface ReminderOptions {
  db: Db;
  mail: Pick<Transporter, 'sendMail'>;
  /** AP_MAIL_FROM. */
  from: string;
  /** AP_PUBLIC_URL: the intranet page with the widgets; items link to #action-{id} and #recommendation-{id}. */
  publicUrl: string;
  log?: { info(data: object, message: string): void; error(data: object, message: string): void };
}

export interface ReminderRun {
  /** Digests sent by this call. */
  sent: number;
  /** Members with something to say whose digest another run had claimed or sent. */
  claimedElsewhere: number;
  /** Members with nothing to say, reminders off, or no address. */
  quiet: number;
}

// A claim that was not marked sent within this long is taken to have failed, and is tried again.
const RETRY_AFTER = "interval '1 hour'";

interface MemberRow {
  id: string;
  plan_id: string;
  body: ReminderMember & { email?: string; language?: string };
}

// Records that no longer pass the model's rules are left out of the digest, never stop it.
const bodies = async <T>(db: Db, table: 'actions' | 'recommendations', planId: string) =>
  (await db.query<{ body: unknown }>(`SELECT body FROM ${table} WHERE plan_id = $1 AND NOT deleted`, [planId])).rows.flatMap((row) => {
    const parsed = safeParseRecord(table, row.body);
    return parsed.ok ? [parsed.record as T] : [];
  });

/** The member's address: `email`, or `user` when it is an email. */
const addressOf = (member: ReminderMember) => member.email || (member.user.includes('@') ? member.user : undefined);

/** Claims (member, day); true when this run may send it. A claim left unsent for an hour is taken over. */
async function claim(db: Db, memberId: string, day: IsoDate): Promise<boolean> {
  const { rows } = await db.transaction((tx) =>
    tx.query(
      `INSERT INTO reminder_log AS log (member_id, day) VALUES ($1, $2)
       ON CONFLICT (member_id, day) DO UPDATE SET claimed_at = clock_timestamp()
       WHERE log.sent_at IS NULL AND log.claimed_at < clock_timestamp() - ${RETRY_AFTER}
       RETURNING member_id`,
      [memberId, day],
    ),
  );
  return rows.length === 1;
}

/** When the member's last digest before `day` went: decisions since then are news. */
async function lastSent(db: Db, memberId: string, day: IsoDate): Promise<string> {
  const { rows } = await db.query<{ at: string | null }>(
    `SELECT to_char(max(sent_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM reminder_log WHERE member_id = $1 AND day < $2`,
    [memberId, day],
  );
  return rows[0]?.at ?? addDays(day, -1);
}

/** Sends the digests of `day` (YYYY-MM-DD, UK date) that are not sent yet. */
export async function sendReminders(options: ReminderOptions, day: IsoDate): Promise<ReminderRun> {
  const { db, mail, from, publicUrl, log } = options;
  const run: ReminderRun = { sent: 0, claimedElsewhere: 0, quiet: 0 };
  const members = (await db.query<MemberRow>('SELECT id, plan_id, body FROM members WHERE NOT deleted ORDER BY plan_id, id')).rows;
  const plans = new Map<string, { name: string; actions: Action[]; recommendations: Recommendation[] }>();
  for (const member of members) {
    const address = addressOf(member.body);
    if (!address || member.body.reminders === false) {
      run.quiet++;
      continue;
    }
    let plan = plans.get(member.plan_id);
    if (!plan) {
      const { rows } = await db.query<{ name: string }>(`SELECT body->>'name' AS name FROM plans WHERE id = $1 AND NOT deleted`, [member.plan_id]);
      if (!rows[0]) continue;
      plan = { name: rows[0].name, actions: await bodies(db, 'actions', member.plan_id), recommendations: await bodies(db, 'recommendations', member.plan_id) };
      plans.set(member.plan_id, plan);
    }
    const digest = reminderDigest(member.body, plan, day, await lastSent(db, member.id, day));
    if (!digest) {
      run.quiet++;
      continue;
    }
    if (!(await claim(db, member.id, day))) {
      run.claimedElsewhere++;
      continue;
    }
    const locale = member.body.language === 'cy' ? 'cy' : 'en-GB';
    const { subject, text } = reminderEmail(digest, { planName: plan.name, today: day, publicUrl, locale });
    try {
      await mail.sendMail({ from, to: address, subject, text });
    } catch (error) {
      // The claim stays unsent: a run an hour or more later tries again.
      log?.error({ member: member.id, error: (error as Error).message }, 'reminder not sent');
      continue;
    }
    await db.query('UPDATE reminder_log SET sent_at = clock_timestamp() WHERE member_id = $1 AND day = $2', [member.id, day]);
    run.sent++;
  }
  log?.info({ day, ...run }, 'reminders');
  return run;
}
