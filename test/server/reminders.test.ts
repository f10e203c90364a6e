// Reminder emails (issue #18) against a real PostgreSQL and a real SMTP server (smtp-server) started here:
// who gets a digest and what it says, Welsh, nobody with nothing due or reminders off, and each digest
// at most once a day across runs, instances and a claim left unsent.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { Db } from '../../server/db/db.js';
import { loadRecords } from '../../server/db/load.js';
import { postgresDb } from '../../server/db/postgres.js';
import { insert, type WireRecord } from '../../server/db/records.js';
import { daily, timeInLondon } from '../../server/jobs/daily.js';
import { sendReminders } from '../../server/jobs/reminders.js';
import { packageRoot } from '../../server/root.js';
import { action, openTestDb } from './helpers.js';

/** `npm run endpoint:remind` from the sources: its exit code and output. */
const remind = (env: Record<string, string>) =>
  new Promise<{ code: number; out: string }>((resolve) =>
    execFile(process.execPath, ['--import', 'tsx', 'server/remind.ts'], { cwd: packageRoot(), env: { ...process.env, AP_SMTP_URL: smtpUrl, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out: `${stdout}${stderr}` }),
    ),
  );

const DAY = '2024-03-12';
const PLAN = 'csp-2023-24';

interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** A message's subject and text body (nodemailer sends the text quoted-printable when it is not plain ASCII). */
function parse(raw: string): { subject: string; text: string } {
  const [head, ...body] = raw.split('\r\n\r\n');
  const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(head!)![1]!.replace(/\r\n[ \t]/g, ' ');
  let text = body.join('\r\n\r\n');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head!)) {
    const bytes = text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { subject, text: text.replace(/\r\n/g, '\n') };
}

let smtp: SMTPServer;
let received: Received[] = [];
let smtpUrl = '';

before(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), ...parse(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
});
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const transport = () => nodemailer.createTransport(smtpUrl);
const options = (db: Db) => ({ db, mail: transport(), from: 'CSP action plan <csp@council.example>', publicUrl: 'https://intranet.council.example/csp' });

const member = (id: string, fields: Record<string, unknown>) =>
  ({ id, planId: PLAN, version: 1, updatedAt: '2024-03-01T00:00:00.000Z', updatedBy: 'Seed', deleted: false, agencies: [], ...fields }) as WireRecord;

/** A plan on `day`: police items overdue and due soon, a request waiting, a probation action far off. */
async function seed(db: Db): Promise<void> {
  const update = [{ id: 'u', at: '2024-01-20T10:00:00.000Z', by: 'x', text: 'Under way' }];
  await loadRecords(db, {
    plans: [{ id: PLAN, planId: PLAN, name: 'Castle Point and Rochford CSP' }],
    priorities: [{ id: 'p-1', planId: PLAN, title: 'Violence against women and girls' }],
    actions: [
      action('a-overdue', PLAN, { title: 'Taxi marshals', leadAgency: 'Essex Police', targetDate: '2024-02-29', status: 'in-progress', updates: update }),
      action('a-soon', PLAN, { title: 'Best Bar None', leadAgency: 'Essex Police', targetDate: '2024-03-20', status: 'in-progress', updates: update }),
      action('a-done', PLAN, { title: 'White Ribbon', leadAgency: 'Essex Police', targetDate: '2024-02-01', status: 'complete' }),
      action('a-later', PLAN, {
        title: 'Reducing reoffending',
        leadAgency: 'Probation',
        targetDate: '2024-09-30',
        status: 'in-progress',
        updates: update,
        extensionRequests: [{ id: 'x-1', requestedDate: '2024-12-31', reason: 'Funding moved to next year', by: 'probation@example.org', at: '2024-03-11T09:00:00.000Z' }],
      }),
    ],
    audits: [{ id: 'au-1', planId: PLAN, title: 'Light-touch audit' }],
    recommendations: [{ id: 'r-4', planId: PLAN, auditId: 'au-1', ref: 'R4', recommendation: 'Quarterly reporting to the JSG.', ownerAgency: 'Essex Police', targetDate: '2024-01-31', status: 'in-progress' }],
  });
  await db.transaction(async (tx) => {
    await insert(tx, 'members', member('m-officer', { user: 'Officer@Council.example', role: 'officer' }));
    await insert(tx, 'members', member('m-police', { user: 'tid:police', role: 'partner', agencies: ['Essex Police'], email: 'heddlu@police.example', language: 'cy' }));
    await insert(tx, 'members', member('m-probation', { user: 'probation@example.org', role: 'partner', agencies: ['Probation'] }));
    await insert(tx, 'members', member('m-muted', { user: 'muted@police.example', role: 'partner', agencies: ['Essex Police'], reminders: false }));
    await insert(tx, 'members', member('m-nomail', { user: 'tid:no-address', role: 'partner', agencies: ['Essex Police'] }));
    await insert(tx, 'members', member('m-gone', { user: 'gone@police.example', role: 'partner', agencies: ['Essex Police'], deleted: true }));
  });
}

/** A fresh PostgreSQL database seeded as above, with no mail received yet, for `work`. */
async function onSeeded(work: (db: Db, url: string) => Promise<void>): Promise<void> {
  const { db, url, remove } = await openTestDb('postgres');
  received = [];
  try {
    await seed(db);
    await work(db, url!);
  } finally {
    await remove();
  }
}

describe('reminder emails', () => {
  test('a known plan and day: who gets a digest, what it says, Welsh for a Welsh member, nothing for the rest', async () => {
    await onSeeded(async (db) => {
      const run = await sendReminders(options(db), DAY);
      assert.deepEqual(run, { sent: 2, claimedElsewhere: 0, quiet: 3 });
      assert.deepEqual(received.map((mail) => mail.to).sort(), [['Officer@council.example'], ['heddlu@police.example']]);
      const officer = received.find((mail) => mail.to[0] === 'Officer@council.example')!;
      assert.equal(officer.subject, 'Castle Point and Rochford CSP: your reminders for 12 March 2024');
      assert.match(officer.text, /Requests waiting for your decision\n- Reducing reoffending: probation@example.org asks for 31 December 2024: Funding moved to next year \(11 March 2024\)\n {2}Open it: https:\/\/intranet.council.example\/csp#action-a-later/);
      const police = received.find((mail) => mail.to[0] === 'heddlu@police.example')!;
      assert.equal(police.subject, 'Castle Point and Rochford CSP: eich nodiadau atgoffa ar gyfer 12 Mawrth 2024');
      assert.match(police.text, /Eich camau gweithredu a’ch argymhellion/);
      assert.match(police.text, /- R4: Quarterly reporting to the JSG\.: dyddiad targed 31 Ionawr 2024, .*\n {2}Ei agor: https:\/\/intranet.council.example\/csp#recommendation-r-4/);
      assert.match(police.text, /- Taxi marshals: dyddiad targed 29 Chwefror 2024/);
      assert.match(police.text, /- Best Bar None: dyddiad targed 20 Mawrth 2024/);
      assert.doesNotMatch(police.text, /White Ribbon|Reducing reoffending/);
    });
  });

  test('never a second email the same day: a second run, and two instances at once', async () => {
    await onSeeded(async (db, url) => {
      const other = postgresDb(url);
      try {
        // Two instances racing: every digest goes once between them.
        const [first, second] = await Promise.all([sendReminders(options(db), DAY), sendReminders(options(other), DAY)]);
        assert.equal(first.sent + second.sent, 2);
        assert.equal(first.claimedElsewhere + second.claimedElsewhere, 2);
        assert.equal(received.length, 2);
        assert.deepEqual(await sendReminders(options(db), DAY), { sent: 0, claimedElsewhere: 2, quiet: 3 });
        assert.equal(received.length, 2);
        // The next day is a new day.
        assert.equal((await sendReminders(options(other), '2024-03-13')).sent, 2);
      } finally {
        await other.close();
      }
    });
  });

  test('a claim left unsent for an hour is sent by a later run; a fresh one is not; a failed send is retried later', async () => {
    await onSeeded(async (db) => {
      await db.query(`INSERT INTO reminder_log (member_id, day, claimed_at) VALUES ('m-officer', $1, now() - interval '61 minutes'), ('m-police', $1, now())`, [DAY]);
      assert.deepEqual(await sendReminders(options(db), DAY), { sent: 1, claimedElsewhere: 1, quiet: 3 });
      // The SMTP envelope lower-cases the domain.
      assert.deepEqual(received.map((mail) => mail.to[0]), ['Officer@council.example']);
      const broken = { ...options(db), mail: nodemailer.createTransport('smtp://127.0.0.1:1') };
      assert.equal((await sendReminders(broken, '2024-03-14')).sent, 0);
      const { rows } = await db.query<{ sent: boolean }>(`SELECT sent_at IS NOT NULL AS sent FROM reminder_log WHERE day = '2024-03-14'`);
      assert.deepEqual(rows.map((row) => row.sent), [false, false]);
    });
  });

  test('a decision reaches the requester in their next digest, once', async () => {
    await onSeeded(async (db) => {
      await sendReminders(options(db), DAY);
      const decision = { outcome: 'refused', reason: 'Statutory deadline', reference: 'JSG 14 March 2024, minute 3', by: 'Officer@Council.example', at: '2024-03-13T10:00:00.000Z' };
      await db.query(`UPDATE actions SET body = jsonb_set(body, '{extensionRequests,0,decision}', $1::jsonb) WHERE id = 'a-later'`, [JSON.stringify(decision)]);
      received = [];
      await sendReminders(options(db), '2024-03-14');
      const probation = received.find((mail) => mail.to[0] === 'probation@example.org')!;
      assert.match(probation.text, /Decisions on your requests\n- Reducing reoffending: request for 31 December 2024 refused by Officer@Council.example: Statutory deadline \(JSG 14 March 2024, minute 3\)/);
      received = [];
      await sendReminders(options(db), '2024-03-15');
      assert.equal(received.find((mail) => mail.to[0] === 'probation@example.org'), undefined, 'no news the day after');
    });
  });
});

describe('npm run endpoint:remind', () => {
  test('sends the day AP_TODAY names, once; the embedded database in use by an endpoint is left alone', async () => {
    await onSeeded(async (db, url) => {
      const first = await remind({ DATABASE_URL: url, AP_TODAY: DAY });
      assert.equal(first.code, 0, first.out);
      assert.match(first.out, /Reminders for 2024-03-12: 2 sent, 0 already sent, 3 with nothing to send\./);
      assert.equal(received.length, 2);
      assert.match((await remind({ DATABASE_URL: url, AP_TODAY: DAY })).out, /0 sent, 2 already sent/);
      const wrong = await remind({ DATABASE_URL: url, AP_TODAY: '12/03/2024' });
      assert.deepEqual([wrong.code, /AP_TODAY must be a date written YYYY-MM-DD/.test(wrong.out)], [1, true]);
    });
    const embedded = await openTestDb('embedded');
    try {
      const busy = await remind({ DATABASE_URL: '', AP_DATA_DIR: embedded.dataDir!, AP_TODAY: DAY });
      assert.equal(busy.code, 1);
      assert.match(busy.out, /is in use by process \d+ \(a running endpoint\)/);
    } finally {
      await embedded.remove();
    }
  });
});

describe('the daily schedule', () => {
  test('runs at once when started after the time, not before it, and once a day', async () => {
    const days: string[] = [];
    const at = (iso: string) => () => new Date(iso);
    const late = daily('07:00', async (day) => void days.push(day), at('2024-03-12T08:30:00Z'));
    const early = daily('07:00', async (day) => void days.push(`early ${day}`), at('2024-03-12T06:59:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    late.stop();
    early.stop();
    assert.deepEqual(days, ['2024-03-12']);
    // British Summer Time: 07:00 in London is 06:00 UTC.
    assert.equal(timeInLondon(new Date('2024-07-01T06:00:00Z')), '07:00');
  });
});
