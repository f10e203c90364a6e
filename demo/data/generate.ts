/**
 * Deterministic generator of a large Community Safety Partnership action plan
 * for demos, stories and benchmarks. Records are in the wire format of
 * CONTRACT.md (server records: version 1, `updatedAt` ISO date-time with Z).
 *
 * Runs in the browser and in node; no imports. Same options, same output.
 *
 *   generatePlan({ actions: 10_000, seed: 7 })
 *
 * Dates are spread around `today` (default 2024-01-15, the demo's as-of date)
 * so that, as of that day, the default RAG rules give a mix of Red, Amber,
 * Green, Complete, Not started and Cancelled.
 */

export interface GeneratePlanOptions {
  /** Number of actions to generate (spread over the priorities). */
  actions: number;
  /** Number of priorities (default 5, at least 1). */
  priorities?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Plan id (default `generated-<seed>`). */
  planId?: string;
  /** As-of date YYYY-MM-DD the RAG mix is aimed at (default 2024-01-15). */
  today?: string;
}

interface Common {
  id: string;
  planId: string;
  version: number;
  updatedAt: string;
  updatedBy: string;
  deleted: boolean;
}
export interface GenPlan extends Common {
  name: string;
  period: string;
  description: string;
}
export interface GenPriority extends Common {
  title: string;
  lead: string;
  order: number;
  description: string;
}
export interface GenMilestone {
  id: string;
  title: string;
  dueDate: string;
  doneDate?: string;
}
export interface GenUpdate {
  id: string;
  at: string;
  by: string;
  text: string;
  status?: ActionStatus;
  progress?: number;
}
export interface GenRevision {
  id: string;
  date: string;
  previousDate: string;
  reason: string;
  by: string;
  at: string;
}
export type ActionStatus = 'not-started' | 'in-progress' | 'blocked' | 'complete' | 'cancelled';
export interface GenAction extends Common {
  priorityId: string;
  title: string;
  description: string;
  leadAgency: string;
  owner: string;
  startDate: string;
  targetDate: string;
  revisedTargetDate?: string;
  revisions: GenRevision[];
  status: ActionStatus;
  progress: number;
  milestones: GenMilestone[];
  updates: GenUpdate[];
  ragOverride?: { rag: 'red' | 'amber' | 'green'; reason: string; by: string; at: string };
  funding?: { allocatedPence: number; spentPence: number; source: string; public: boolean };
  rank: string;
  public: boolean;
}
export interface GenAudit extends Common {
  title: string;
  auditor: string;
  date: string;
  assurance: string;
}
export type RecommendationStatus = 'open' | 'in-progress' | 'implemented' | 'verified' | 'not-accepted' | 'superseded';
export interface GenRecommendation extends Common {
  auditId: string;
  ref: string;
  finding: string;
  recommendation: string;
  rating: 'high' | 'medium' | 'low';
  owner: string;
  agreedAction: string;
  targetDate: string;
  revisedTargetDate?: string;
  revisions: GenRevision[];
  status: RecommendationStatus;
  evidence: { label: string; url: string }[];
  linkedActionIds: string[];
  reason?: string;
}
export interface GeneratedPlan {
  plans: GenPlan[];
  priorities: GenPriority[];
  actions: GenAction[];
  audits: GenAudit[];
  recommendations: GenRecommendation[];
}

// ------------------------------------------------------------------ helpers

/** mulberry32: small, fast, good enough for demo data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MS_PER_DAY = 86_400_000;
const dayOf = (iso: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`today must be YYYY-MM-DD, got ${iso}`);
  const d = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(d).toISOString().slice(0, 10) !== iso) throw new RangeError(`not a real date: ${iso}`);
  return d / MS_PER_DAY;
};
const dateCache = new Map<number, string>();
const isoDate = (day: number): string => {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
};
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** Date-time on `day` at a working-hours time chosen by `r` (0..1), e.g. 2024-01-15T10:42:00.000Z. */
const isoDateTime = (day: number, r: number): string => {
  const minutes = 8 * 60 + Math.floor(r * 9 * 60); // 08:00-16:59
  return `${isoDate(day)}T${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}:00.000Z`;
};

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/**
 * n-th key of an increasing fractional-index sequence ("a0".."az", "b00".."bzz",
 * "c000"...), compatible with the common base-62 fractional-indexing scheme:
 * keys sort as plain strings and new keys can be generated between any two.
 */
export function rankKey(n: number): string {
  let len = 1;
  let size = 62;
  let rest = n;
  while (rest >= size) {
    rest -= size;
    len++;
    size *= 62;
  }
  let s = '';
  for (let i = 0; i < len; i++) {
    s = DIGITS[rest % 62] + s;
    rest = Math.floor(rest / 62);
  }
  return String.fromCharCode(96 + len) + s; // 'a' + 1 digit, 'b' + 2 digits, ...
}

// ------------------------------------------------------------------ word lists

interface Theme {
  title: string;
  lead: string;
  description: string;
  /** [verbs that fit, object]: titles read "<verb> <object>". */
  objects: [string[], string][];
}

const THEMES: Theme[] = [
  {
    title: 'Domestic Abuse',
    lead: 'Domestic Abuse Partnership Board (chair)',
    description: 'Victims, including children, get the right support early; perpetrators are held to account.',
    objects: [
      [['Deliver', 'Expand', 'Review'], 'Sanctuary scheme security measures for high-risk victims'],
      [['Run', 'Expand', 'Evaluate'], 'J9 domestic abuse ambassador training'],
      [['Run', 'Deliver', 'Evaluate'], 'domestic abuse awareness campaign'],
      [['Review', 'Strengthen', 'Audit'], 'MARAC referral pathway'],
      [['Commission', 'Pilot', 'Evaluate'], 'perpetrator behaviour change programme'],
      [['Expand', 'Review', 'Commission'], 'safe accommodation support'],
      [['Deliver', 'Roll out', 'Evaluate'], 'domestic abuse training for GP practices'],
      [['Commission', 'Expand', 'Review'], "support for children and young people affected by domestic abuse"],
    ],
  },
  {
    title: 'Violence against Women and Girls',
    lead: 'Council Community Safety Team',
    description: 'Public spaces and the night-time economy are safer for women and girls.',
    objects: [
      [['Launch', 'Promote', 'Review'], "Women's Safety Charter"],
      [['Launch', 'Run', 'Expand'], 'Best Bar None accreditation for licensed premises'],
      [['Deliver', 'Run', 'Expand'], 'anti-spiking training for bar staff'],
      [['Promote', 'Relaunch', 'Review'], 'Ask for Angela scheme'],
      [['Complete', 'Carry out', 'Act on'], 'safer routes lighting audit'],
      [['Deliver', 'Expand', 'Commission'], 'healthy relationships sessions in secondary schools'],
      [['Hold', 'Run', 'Expand'], 'safety walks with women residents'],
    ],
  },
  {
    title: 'Anti-Social Behaviour',
    lead: 'Police Neighbourhood Policing Inspector',
    description: 'Less personal and community ASB through problem solving and early intervention.',
    objects: [
      [['Hold', 'Review', 'Refresh'], 'ASB problem-solving group meetings'],
      [['Promote the use of', 'Review the use of', 'Train staff on'], 'Community Protection Warnings and Notices'],
      [['Refresh', 'Publish', 'Review'], 'ASB case review (Community Trigger) procedure'],
      [['Deliver', 'Expand', 'Commission'], 'diversionary activities at hotspot times'],
      [['Run', 'Expand', 'Commission'], 'detached youth outreach sessions'],
      [['Consult on', 'Review', 'Renew'], 'Public Spaces Protection Order'],
      [['Organise', 'Hold', 'Support'], 'community clean-up days'],
      [['Run', 'Deliver', 'Repeat'], 'scams and rogue traders awareness campaign'],
    ],
  },
  {
    title: 'Serious Violence',
    lead: 'Serious Violence Partnership (chair)',
    description: 'A public health approach to preventing serious violence, including knife crime.',
    objects: [
      [['Complete', 'Refresh', 'Publish'], 'Serious Violence Duty strategic needs assessment'],
      [['Deliver', 'Expand', 'Commission'], 'knife crime education sessions in schools'],
      [['Install', 'Supply', 'Check'], 'anti-bleed kits in licensed premises'],
      [['Deliver', 'Expand', 'Run'], 'county lines exploitation awareness sessions'],
      [['Carry out', 'Increase', 'Coordinate'], 'weapons sweeps with neighbourhood teams'],
      [['Commission', 'Expand', 'Pilot'], 'youth mentoring for young people at risk'],
      [['Provide', 'Fund', 'Deploy'], 'taxi marshals at peak night-time economy weekends'],
    ],
  },
  {
    title: 'Hate Crime',
    lead: 'Council Community Cohesion Lead',
    description: 'More people report hate incidents and get support; communities stand together.',
    objects: [
      [['Open new', 'Support', 'Review'], 'Hate Incident Reporting Centres'],
      [['Recruit', 'Train', 'Support'], 'Hate Crime Ambassadors'],
      [['Run', 'Deliver', 'Plan'], 'Hate Crime Awareness Week campaign'],
      [['Publish', 'Refresh', 'Promote'], 'third-party reporting guidance'],
      [['Hold', 'Set up', 'Support'], "faith and community leaders' forum"],
    ],
  },
  {
    title: 'Reducing Reoffending',
    lead: 'Reducing Reoffending Group (chair: Probation)',
    description: 'Coordinated rehabilitation, resettlement and supervision of people who offend.',
    objects: [
      [['Embed', 'Review', 'Strengthen'], 'Integrated Offender Management accommodation pathway'],
      [['Expand', 'Deliver', 'Agree'], 'employment and training offer for prison leavers'],
      [['Provide', 'Coordinate', 'Review'], 'day-of-release support'],
      [['Pilot', 'Review', 'Expand'], 'out-of-court disposal diversion scheme'],
      [['Find', 'Expand', 'Agree'], 'unpaid work placements with community groups'],
    ],
  },
  {
    title: 'Substance Misuse',
    lead: 'Substance Misuse Priority Group (chair: Public Health)',
    description: 'Fewer people harmed by drugs and alcohol; faster access to treatment.',
    objects: [
      [['Commission', 'Review', 'Re-procure'], 'drug and alcohol treatment services'],
      [['Deliver', 'Run', 'Expand'], 'nitrous oxide awareness sessions'],
      [['Expand', 'Promote', 'Review'], 'naloxone supply through pharmacies'],
      [['Carry out', 'Increase', 'Coordinate'], 'licensing checks on alcohol-related violence'],
      [['Agree', 'Review', 'Strengthen'], 'treatment referral route from police custody'],
    ],
  },
  {
    title: 'Partnership and Engagement',
    lead: 'CSP Steering Group (chair)',
    description: 'The partnership meets its statutory duties and keeps the public informed.',
    objects: [
      [['Complete', 'Publish', 'Present'], 'annual strategic assessment'],
      [['Refresh', 'Agree', 'Sign'], 'information sharing protocol'],
      [['Review', 'Update', 'Agree'], 'terms of reference and membership'],
      [['Update', 'Refresh', 'Publish'], 'CSP pages on the council website'],
      [['Hold', 'Plan', 'Advertise'], 'public meeting on community safety'],
      [['Produce', 'Present', 'Automate'], 'quarterly performance report to the steering group'],
    ],
  },
];

const PLACES = [
  'in the town centre',
  'in North ward',
  'in Riverside',
  'in Eastfield',
  'in Westbrook',
  'in Hillside',
  'in Old Town',
  'in the rural parishes',
  'around the Market Square',
  'in Parkside',
  'along the seafront',
  'around the railway station',
];
const QUALIFIERS = ['', '', '', ' (phase 2)', ' (pilot)', ' for {period}', ' with partners'];

const LEAD_AGENCIES = [
  'Council Community Safety Team',
  'Police Neighbourhood Policing Team',
  'Fire and Rescue Service',
  'Probation Service',
  'NHS Integrated Care Board',
  'Youth Justice Service',
  'Council Public Health',
  'Council Licensing',
  'Registered housing provider',
  'Voluntary and community sector partner',
];
const INITIALS = 'ABCDEGHJKLMNPRSTW';
const SURNAMES = [
  'Smith', 'Jones', 'Khan', 'Brown', 'Taylor', 'Wilson', 'Evans', 'Ahmed', 'Walker', 'Hughes',
  'Patel', 'Clarke', 'Wright', 'Roberts', 'Thompson', 'Begum', 'Lee', 'Morris', 'Hussain', 'Ali',
];
const FUNDING_SOURCES = ['PFCC grant', 'PFCC grant', 'Safer Streets Fund', 'Council revenue budget', 'Serious Violence Duty grant'];

const MILESTONE_TITLES = [
  'Project plan agreed',
  'Partners briefed',
  'Venues and dates booked',
  'Provider commissioned',
  'First sessions delivered',
  'Mid-point review with the steering group',
  'Materials published',
  'Remaining sessions delivered',
  'Evaluation report to the steering group',
];
const UPDATE_TEXTS = [
  'Work started; partners agreed roles at the steering group.',
  'On track. First sessions delivered with good attendance.',
  'Quarterly update: delivery continuing as planned.',
  'Some delay because of staff absence; catch-up plan agreed.',
  'Feedback from participants collected and shared with partners.',
  'Budget committed; remaining activity booked for next quarter.',
];
const BLOCKED_TEXTS = [
  "On hold: waiting for a decision from the partner agency's leadership team.",
  'Blocked: provider withdrew; re-procurement needed.',
  'Blocked: data sharing agreement not yet signed by all partners.',
  'On hold: venue no longer available and no alternative found yet.',
];
const REVISION_REASONS = [
  'Provider availability moved delivery to the next quarter.',
  'Agreed at the steering group to align with the school term.',
  'Partner capacity reduced; timescale extended by agreement.',
  'Waiting for grant confirmation before committing spend.',
  'Scope increased after the away day; new date agreed.',
];
const OVERRIDE_REASONS = [
  'Lead expects delay because a key partner post is vacant.',
  'Risk raised at the steering group: funding for next quarter not yet confirmed.',
  'Delivery is ahead of the milestones in practice; evidence reported at the last meeting.',
];

// ------------------------------------------------------------------ generator

type Target = 'green' | 'amber' | 'red' | 'grey' | 'blue' | 'cancelled';
interface Schedule {
  target: Target;
  status: ActionStatus;
  start: number;
  due: number;
  /** revised target day, -1 when not revised */
  revised: number;
  progress: number;
  /** > 0: add one open milestone overdue by that many days */
  overdueMilestoneDays: number;
}
const TARGET_WEIGHTS: [Target, number][] = [
  ['green', 0.34],
  ['amber', 0.2],
  ['red', 0.14],
  ['blue', 0.16],
  ['grey', 0.1],
  ['cancelled', 0.06],
];

export function generatePlan(options: GeneratePlanOptions): GeneratedPlan {
  const seed = options.seed ?? 1;
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const person = (): string => `${INITIALS[Math.floor(rnd() * INITIALS.length)]}. ${pick(SURNAMES)}`;

  const planId = options.planId ?? `generated-${seed}`;
  const todayIso = options.today ?? '2024-01-15';
  const today = dayOf(todayIso);
  const nActions = Math.max(0, Math.floor(options.actions));
  const nPriorities = Math.max(1, Math.floor(options.priorities ?? 5));

  // UK financial year containing today: 1 April - 31 March.
  const [y, m] = todayIso.split('-').map(Number) as [number, number];
  const fyStartYear = m >= 4 ? y : y - 1;
  const fyStart = Date.UTC(fyStartYear, 3, 1) / MS_PER_DAY;
  const fyEnd = Date.UTC(fyStartYear + 1, 2, 31) / MS_PER_DAY;
  const period = `${fyStartYear}/${String((fyStartYear + 1) % 100).padStart(2, '0')}`;
  const createdAt = isoDateTime(fyStart + 2, 0.1);
  const planOfficer = person();
  const common = (id: string, updatedAt: string, updatedBy: string, version = 1): Common => ({
    id,
    planId,
    version,
    updatedAt,
    updatedBy,
    deleted: false,
  });

  const plans: GenPlan[] = [
    {
      ...common(planId, createdAt, planOfficer),
      name: `Community Safety Partnership Plan ${period} (generated)`,
      period,
      description: `Generated demo plan with ${nActions} actions across ${nPriorities} priorities (seed ${seed}). Dates assume today is ${todayIso}.`,
    },
  ];

  const priorities: GenPriority[] = [];
  for (let i = 0; i < nPriorities; i++) {
    const theme = THEMES[i % THEMES.length]!;
    const round = Math.floor(i / THEMES.length);
    priorities.push({
      ...common(`${planId}-p${i + 1}`, createdAt, planOfficer),
      title: round === 0 ? theme.title : `${theme.title} (${round + 1})`,
      lead: theme.lead,
      order: i + 1,
      description: theme.description,
    });
  }

  const clampDay = (d: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, d));
  const lastDay = Math.max(fyEnd, today + 45); // room for future targets when today is late in the year
  const firstDay = Math.min(fyStart, today - 45);

  const perPriority = new Array<number>(nPriorities).fill(0);
  const expected = (s: number, e: number): number => Math.min(100, Math.max(0, ((today - s) / Math.max(1, e - s)) * 100));

  // Split into small functions: a single huge loop body takes the JIT long to optimise.
  const schedule = (): Schedule => {
    // pick the RAG the action should have as of today
    let r = rnd();
    let target: Target = 'green';
    for (let i = 0; i < TARGET_WEIGHTS.length; i++) {
      const [t, w] = TARGET_WEIGHTS[i]!;
      if (r < w) {
        target = t;
        break;
      }
      r -= w;
    }
    const sc: Schedule = { target, status: 'in-progress', start: 0, due: 0, revised: -1, progress: 0, overdueMilestoneDays: 0 };
    switch (target) {
      case 'green': {
        sc.start = int(firstDay, today - 10);
        sc.due = int(Math.min(today + 20, lastDay), lastDay);
        sc.progress = clampInt(expected(sc.start, sc.due) + int(-10, 12), 5, 95);
        break;
      }
      case 'amber': {
        sc.start = int(firstDay, today - 20);
        sc.due = int(Math.min(today + 20, lastDay), lastDay);
        sc.progress = clampInt(expected(sc.start, sc.due) + int(-8, 8), 5, 95);
        const kind = int(0, 3);
        if (kind === 0) {
          // revised target later than the original
          sc.revised = sc.due;
          sc.due = int(Math.max(sc.start + 7, today - 40), sc.revised - 7);
          sc.progress = clampInt(expected(sc.start, sc.revised) + int(-5, 10), 5, 95);
        } else if (kind === 1) {
          // behind the time-elapsed expectation by more than 20 points: at least half the time gone
          sc.start = int(firstDay, today - 60);
          sc.due = int(Math.min(today + 20, lastDay), Math.max(today + 20, Math.min(lastDay, 2 * today - sc.start)));
          sc.progress = clampInt(expected(sc.start, sc.due) - int(25, 45), 0, 85);
        } else if (kind === 2) {
          sc.overdueMilestoneDays = int(1, 25);
        } else {
          // due within 14 days and under 90% done
          sc.due = today + int(0, 13);
          sc.start = Math.min(sc.start, sc.due - 30);
          sc.progress = clampInt(expected(sc.start, sc.due) - int(5, 15), 10, 85);
        }
        break;
      }
      case 'red': {
        sc.start = int(firstDay, today - 45);
        sc.due = int(Math.min(today + 20, lastDay), lastDay);
        sc.progress = clampInt(expected(sc.start, sc.due) + int(-15, 5), 5, 90);
        const kind = int(0, 2);
        if (kind === 0) {
          // target date passed
          sc.due = int(Math.max(sc.start + 14, today - 60), today - 1);
          if (sc.due <= sc.start) sc.start = sc.due - 30;
          sc.progress = int(30, 90);
          if (chance(0.4)) {
            // revised, and the revised date has passed too
            sc.revised = sc.due;
            sc.due = Math.max(sc.start + 7, sc.revised - int(14, 60));
          }
        } else if (kind === 1) {
          sc.status = 'blocked';
        } else {
          sc.overdueMilestoneDays = int(31, 90);
          if (today - sc.overdueMilestoneDays <= sc.start) sc.start = today - sc.overdueMilestoneDays - int(10, 40);
        }
        break;
      }
      case 'grey': {
        sc.status = 'not-started';
        sc.start = int(today + 1, Math.max(today + 1, Math.min(today + 60, lastDay - 20)));
        sc.due = int(sc.start + 14, Math.max(sc.start + 14, lastDay));
        break;
      }
      case 'blue': {
        sc.status = 'complete';
        sc.start = int(firstDay, today - 40);
        sc.due = int(sc.start + 14, Math.max(sc.start + 14, lastDay));
        sc.progress = 100;
        break;
      }
      default: {
        sc.status = 'cancelled';
        sc.start = int(firstDay, today - 20);
        sc.due = int(Math.max(sc.start + 14, today - 30), lastDay);
        sc.progress = chance(0.5) ? 0 : int(5, 30);
      }
    }
    return sc;
  };

  // 0-4 milestones spread between start and the effective target, plus the overdue one if wanted
  const makeMilestones = (id: string, pIndex: number, sc: Schedule): GenMilestone[] => {
    const milestones: GenMilestone[] = [];
    const effective = sc.revised >= 0 ? sc.revised : sc.due;
    const nMs = int(0, 4);
    const span = Math.max(1, effective - sc.start);
    for (let k = 0; k < nMs; k++) {
      const dueDay = sc.start + Math.round((span * (k + 1)) / (nMs + 1));
      const ms: GenMilestone = { id: `${id}-m${k + 1}`, title: MILESTONE_TITLES[(k * 2 + pIndex) % MILESTONE_TITLES.length]!, dueDate: isoDate(dueDay) };
      // Complete actions: everything done. Otherwise milestones already due are done (a few
      // days early or late, never after today) and future ones open: only the extra
      // milestone below is ever overdue.
      if (sc.status === 'complete' || (dueDay <= today && sc.status !== 'not-started' && sc.status !== 'cancelled')) {
        ms.doneDate = isoDate(Math.min(today, dueDay + int(-5, 5)));
      } else if (dueDay < today && sc.status === 'not-started') {
        ms.doneDate = isoDate(dueDay);
      }
      milestones.push(ms);
    }
    if (sc.overdueMilestoneDays > 0) {
      const dueDay = Math.max(sc.start, today - sc.overdueMilestoneDays);
      milestones.push({ id: `${id}-m${milestones.length + 1}`, title: 'Steering group sign-off', dueDate: isoDate(dueDay) });
      milestones.sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : 0));
    }
    return milestones;
  };

  // progress updates, oldest first, progress rising to the current value
  const makeUpdates = (id: string, owner: string, sc: Schedule): GenUpdate[] => {
    const updates: GenUpdate[] = [];
    if (sc.status === 'not-started') return updates;
    const lastUpdateDay = sc.status === 'complete' ? Math.max(sc.start, Math.min(sc.due, today)) : today;
    const closing = sc.status === 'complete' || sc.status === 'cancelled' || sc.status === 'blocked';
    const nUp = closing ? int(1, 3) : int(0, 3);
    for (let k = 0; k < nUp; k++) {
      const isLast = k === nUp - 1;
      const day = Math.min(today, Math.round(sc.start + ((lastUpdateDay - sc.start) * (k + 1)) / nUp));
      let text: string;
      if (isLast && sc.status === 'blocked') text = pick(BLOCKED_TEXTS);
      else if (isLast && sc.status === 'complete') text = 'Complete: all planned activity delivered and reported to the steering group.';
      else if (isLast && sc.status === 'cancelled') text = 'Cancelled by agreement at the steering group: no longer needed or no capacity to deliver.';
      else text = pick(UPDATE_TEXTS);
      updates.push({
        id: `${id}-u${k + 1}`,
        at: isoDateTime(day, rnd()),
        by: owner,
        text,
        status: isLast ? sc.status : 'in-progress',
        progress: isLast ? sc.progress : Math.round((sc.progress * (k + 1)) / nUp),
      });
    }
    return updates;
  };

  const overrideQuarterStart = quarterStart(todayIso);
  const makeAction = (n: number): GenAction => {
    const pIndex = n % nPriorities;
    const theme = THEMES[pIndex % THEMES.length]!;
    const priority = priorities[pIndex]!;
    const id = `${planId}-a${n + 1}`;
    const owner = person();
    const sc = schedule();
    const milestones = makeMilestones(id, pIndex, sc);
    const updates = makeUpdates(id, owner, sc);
    const revisions: GenRevision[] = [];
    if (sc.revised >= 0) {
      const at = clampDay(Math.min(sc.due, today) - int(1, 20), sc.start, today);
      revisions.push({ id: `${id}-r1`, date: isoDate(sc.revised), previousDate: isoDate(sc.due), reason: pick(REVISION_REASONS), by: owner, at: isoDateTime(at, rnd()) });
    }
    const [verbs, object] = pick(theme.objects);
    // plain literal (no spread) so every action starts with the same object shape
    const action: GenAction = {
      id,
      planId,
      version: 1,
      updatedAt: createdAt,
      updatedBy: owner,
      deleted: false,
      priorityId: priority.id,
      title: `${pick(verbs)} ${object}${chance(0.4) ? ` ${pick(PLACES)}` : ''}${pick(QUALIFIERS).replace('{period}', period)}`,
      description: `${theme.description} This action contributes to the ${priority.title} priority.`,
      leadAgency: pick(LEAD_AGENCIES),
      owner,
      startDate: isoDate(sc.start),
      targetDate: isoDate(sc.due),
      revisions,
      status: sc.status,
      progress: sc.progress,
      milestones,
      updates,
      rank: rankKey(perPriority[pIndex]!++),
      public: chance(0.85),
    };
    if (sc.revised >= 0) action.revisedTargetDate = isoDate(sc.revised);
    let lastAt = createdAt;
    let lastBy = owner;
    for (let i = 0; i < updates.length; i++) if (updates[i]!.at > lastAt) (lastAt = updates[i]!.at), (lastBy = updates[i]!.by);
    if (revisions.length && revisions[0]!.at > lastAt) (lastAt = revisions[0]!.at), (lastBy = owner);
    if ((sc.target === 'green' || sc.target === 'amber') && chance(0.02)) {
      const rag = sc.target === 'green' ? 'amber' : chance(0.5) ? 'red' : 'green';
      // set in the current financial-year quarter, so it has not lapsed as of today
      const at = isoDateTime(Math.max(overrideQuarterStart, today - int(0, 10)), rnd());
      action.ragOverride = { rag, reason: rag === 'green' ? OVERRIDE_REASONS[2]! : pick(OVERRIDE_REASONS.slice(0, 2)), by: owner, at };
      if (at > lastAt) (lastAt = at), (lastBy = owner);
    }
    if (chance(0.25)) {
      const allocatedPence = int(5, 60) * 10_000; // £500 - £6,000 in £100 steps
      const spentPence = sc.status === 'complete' ? allocatedPence : sc.status === 'not-started' ? 0 : Math.round((allocatedPence * sc.progress) / 100);
      action.funding = { allocatedPence, spentPence, source: pick(FUNDING_SOURCES), public: chance(0.8) };
    }
    // server bookkeeping: one version per accepted write after creation
    action.version = 1 + updates.length + revisions.length + (action.ragOverride ? 1 : 0);
    action.updatedAt = lastAt;
    action.updatedBy = lastBy;
    return action;
  };

  const actions: GenAction[] = [];
  for (let n = 0; n < nActions; n++) actions.push(makeAction(n));

  // one audit with seven recommendations
  const auditId = `${planId}-audit`;
  const auditDay = clampDay(today - 140, firstDay, today);
  const auditor = 'Internal Audit';
  const audits: GenAudit[] = [
    {
      ...common(auditId, isoDateTime(auditDay + 14, 0.2), planOfficer),
      title: 'Light-touch audit of the Community Safety Partnership',
      auditor,
      date: isoDate(auditDay),
      assurance: 'Limited',
    },
  ];
  const RECS: [string, string, 'high' | 'medium' | 'low', string][] = [
    ['Terms of reference to be reviewed and updated.', 'Terms of reference have not been reviewed recently and do not reflect current arrangements.', 'medium',
      'Review the terms of reference and take the revised version to the steering group for approval.'],
    ['Partnership plan to be established and documented.', 'There is no documented partnership plan.', 'high',
      'Produce the partnership plan from the strategic assessment and publish it once approved.'],
    ['Annual delivery plans to include estimated time scales.', 'Delivery plans do not give start or target dates.', 'medium',
      'Add a start date and a target date to every action in the delivery plan.'],
    ['Quarterly reporting on delivery plans to the steering group.', 'Progress is not reported to the steering group at regular intervals.', 'high',
      'Add a standing quarterly progress report to the steering group agenda.'],
    ['Membership to be reviewed.', 'Membership includes organisations that no longer attend.', 'low',
      'Confirm a named representative and deputy with each partner organisation.'],
    ['Steering group minutes to include the status of relevant actions.', 'Minutes do not record the status of agreed actions.', 'low',
      'Attach an action log with owner and status to every set of minutes.'],
    ['Up-to-date partnership information to be published on the council website.', 'Website information about the partnership is out of date.', 'low',
      'Refresh the partnership web pages with current priorities and contacts.'],
  ];
  const REC_STATUSES: RecommendationStatus[] = ['verified', 'implemented', 'in-progress', 'open', 'in-progress', 'verified', 'open'];
  const recommendations: GenRecommendation[] = RECS.map(([recommendation, finding, rating, agreedAction], i) => {
    const rid = `${auditId}-r${i + 1}`;
    const status = REC_STATUSES[(i + seed) % REC_STATUSES.length]!;
    const targetDay = auditDay + int(45, 150);
    const revisions: GenRevision[] = [];
    let revisedTargetDate: string | undefined;
    if (status !== 'verified' && status !== 'implemented' && chance(0.5)) {
      const newDay = Math.max(targetDay + 30, today + int(10, 60));
      revisedTargetDate = isoDate(newDay);
      revisions.push({
        id: `${rid}-rev1`,
        date: revisedTargetDate,
        previousDate: isoDate(targetDay),
        reason: pick(REVISION_REASONS),
        by: planOfficer,
        at: isoDateTime(clampDay(targetDay - int(1, 10), auditDay, today), rnd()),
      });
    }
    const done = status === 'verified' || status === 'implemented';
    const linked = nActions > 0 && chance(0.6) ? [actions[int(0, nActions - 1)]!.id] : [];
    const rec: GenRecommendation = {
      ...common(rid, isoDateTime(clampDay(auditDay + 14 + i, auditDay, today), 0.3), planOfficer, 1 + revisions.length),
      auditId,
      ref: String(i + 1),
      finding,
      recommendation,
      rating,
      owner: pick(['Community Safety Manager', 'Steering group chair', 'Partnership officer']),
      agreedAction,
      targetDate: isoDate(targetDay),
      revisions,
      status,
      evidence: done
        ? [{ label: `Evidence for recommendation ${i + 1}`, url: `https://intranet.example.org/community-safety/audit/rec-${i + 1}.pdf` }]
        : [],
      linkedActionIds: linked,
    };
    if (revisedTargetDate) rec.revisedTargetDate = revisedTargetDate;
    return rec;
  });

  return { plans, priorities, actions, audits, recommendations };
}

function clampInt(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.round(x)));
}

/** First day (day number) of the UK financial-year quarter containing `iso`. */
function quarterStart(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  // quarters start in April, July, October, January
  const qm = m >= 10 ? 10 : m >= 7 ? 7 : m >= 4 ? 4 : 1;
  return Date.UTC(y, qm - 1, 1) / MS_PER_DAY;
}
