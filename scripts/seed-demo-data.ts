import type { PrismaClient } from "../lib/db/generated/client";

// Demo data for the admin, and for measuring it: realistic leads with their bookings, emails, notes
// and audit trail, generated inside PostgreSQL (INSERT … SELECT … FROM generate_series) a batch at a
// time, so 100,000 leads take seconds rather than the minutes row-by-row inserts from Node would.
//
// Every value is drawn from a hash of (seed, row number), never random(): the same seed on an empty
// database gives the same leads (relative to `now`). Row numbers carry on from the last seeding run
// (they are in the form token, "seed-<n>"), so a second run adds more leads and never collides.

export const MAX_SEED_LEADS = 1_000_000;
export const DEFAULT_BATCH_SIZE = 10_000;
export const DEFAULT_SEED = 1;
/** Far more than a batch takes, even on the embedded database. */
const BATCH_TIMEOUT_MS = 10 * 60_000;

/** Created when there is no enabled staff account to own leads and write notes; they cannot sign in. */
export const DEMO_STAFF = [
  { email: "demo-staff-1@example.com", name: "Alex Morgan (demo)" },
  { email: "demo-staff-2@example.com", name: "Priya Raman (demo)" },
  { email: "demo-staff-3@example.com", name: "Sam Okafor (demo)" },
];
/** Not an Argon2 hash, so no password ever matches it (verifyPassword answers false). */
const UNUSABLE_PASSWORD_HASH = "!seed-demo-account";

export type SeedProgress = { done: number; total: number; elapsedMs: number };

export type SeedOptions = {
  leads: number;
  seed?: number;
  /** Called after each batch. */
  onProgress?: (progress: SeedProgress) => void;
  batchSize?: number;
  /** Leads are spread over the two years before this. */
  now?: Date;
  /** Who the staff notifications went to (the app's STAFF_NOTIFY_EMAIL); by default the staff accounts. */
  staffEmails?: string[];
};

export type SeedSummary = {
  /** Row numbers of this run: form tokens seed-<first> … seed-<last>. */
  firstRow: number;
  lastRow: number;
  leads: number;
  bookings: number;
  confirmedBookings: number;
  outboxMessages: number;
  emailEvents: number;
  notes: number;
  auditEvents: number;
  /** Staff accounts the leads were shared among, and how many of them this run created. */
  staff: number;
  staffCreated: number;
  elapsedMs: number;
};

// --- Word lists ---------------------------------------------------------------------------------

/** An array with each value repeated by its weight, so a uniform pick from it is a weighted one. */
const weighted = <T>(entries: Array<[T, number]>): T[] => entries.flatMap(([value, weight]) => Array<T>(weight).fill(value));

/** The ASCII form of a name for an email address: "José" → "jose", "O'Brien" → "obrien". */
const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .replace(/ł/g, "l")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");

const FIRST_NAMES = [
  "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
  "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
  "Anthony", "Sandra", "Mark", "Ashley", "Steven", "Emily", "Andrew", "Michelle", "Joshua", "Amanda", "Kevin", "Melissa",
  "Brian", "Rebecca", "Ryan", "Laura", "Jacob", "Rachel", "Nicholas", "Megan", "Eric", "Hannah", "Jonathan", "Olivia",
  "Priya", "Arjun", "Wei", "Mei", "Hiroshi", "Yuki", "Min-jun", "Ji-woo", "Mohammed", "Fatima", "Omar", "Aisha", "Carlos",
  "María", "José", "Lucía", "Diego", "Sofía", "Mateo", "Valentina", "Chinedu", "Ngozi", "Kwame", "Amara", "Lars", "Ingrid",
  "Søren", "Björn", "Anja", "Lukas", "Léa", "François", "Chloé", "Renée", "Zoë", "Niamh", "Siobhan", "Liam", "Aoife",
  "Giulia", "Marco", "Inês", "João", "Aleksandra", "Łukasz", "Dmitri", "Elena", "Noah", "Ava", "Ethan", "Grace",
];
const LAST_NAMES = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
  "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
  "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
  "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
  "Mitchell", "Carter", "Roberts", "Patel", "Shah", "Gupta", "Chen", "Wang", "Li", "Kim", "Park", "Tanaka", "Sato",
  "Khan", "Ali", "Hassan", "Okafor", "Mensah", "Adeyemi", "Müller", "Schmidt", "Schneider", "Fischer", "Jensen",
  "Larsen", "Andersson", "Nowak", "Kowalski", "Rossi", "Bianchi", "Dubois", "Lefèvre", "Moreau", "Silva", "Santos",
  "Ferreira", "O'Brien", "Murphy", "Kelly", "Walsh", "McCarthy", "Byrne", "Novak", "Ivanova", "Petrov", "Cohen", "Levi",
  "Fernández", "Núñez", "Bergström", "Van der Berg", "De Vries", "Janssen",
];
const COMPANY_PREFIXES = [
  "Northwind", "Bluebird", "Summit", "Harbor", "Cedar", "Ironwood", "Granite", "Meridian", "Pioneer", "Silverline",
  "Evergreen", "Keystone", "Lakeside", "Redwood", "Bright", "Crescent", "Falcon", "Horizon", "Juniper", "Lighthouse",
  "Maple", "Oakridge", "Pinnacle", "Riverbend", "Sterling", "Tidewater", "Atlas", "Beacon", "Copper", "Driftwood",
  "Ember", "Foxglove", "Goldfinch", "Highland", "Ivy", "Kestrel", "Lumen", "Magnolia", "Nimbus", "Orchard", "Prairie",
  "Quarry", "Sable", "Thistle", "Union", "Vantage", "Willow", "Yarrow", "Zephyr", "Anchor", "Birch", "Clearwater",
];
const INDUSTRIES = [
  "Logistics", "Health", "Manufacturing", "Foods", "Software", "Analytics", "Dental", "Engineering", "Construction",
  "Consulting", "Labs", "Robotics", "Outfitters", "Hospitality", "Freight", "Energy", "Biotech", "Systems", "Capital",
  "Realty", "Fitness", "Media", "Apparel", "Coffee", "Brewing", "Pharmacy", "Clinics", "Insurance", "Marine", "Aviation",
  "Packaging", "Textiles", "Learning", "Security", "Solar", "Water", "Farms", "Furniture", "Print", "Studios",
];
const COMPANY_SUFFIXES = weighted([["", 10], [" Inc.", 4], [" LLC", 4], [" Group", 3], [" Co.", 2], [" Partners", 2], [" Ltd", 2], [" Holdings", 1]]);
const JOB_ROLES = weighted([
  ["CEO", 10], ["Founder", 8], ["Co-founder & CEO", 5], ["COO", 6], ["VP of Operations", 8], ["Head of Operations", 7],
  ["Director of Operations", 6], ["Operations Manager", 6], ["General Manager", 4], ["Chief of Staff", 4], ["CFO", 3],
  ["Managing Director", 3], ["President", 3], ["Owner", 4], ["Head of People", 2], ["Board Member", 1], ["Investor", 1],
  ["Program Manager", 1],
]);
const TIME_ZONES = weighted([
  ["America/New_York", 22], ["America/Chicago", 12], ["America/Los_Angeles", 12], ["America/Denver", 4], ["America/Phoenix", 2],
  ["America/Toronto", 5], ["America/Vancouver", 2], ["America/Mexico_City", 2], ["America/Sao_Paulo", 2], ["Europe/London", 12],
  ["Europe/Dublin", 2], ["Europe/Berlin", 4], ["Europe/Amsterdam", 3], ["Europe/Paris", 3], ["Europe/Madrid", 2],
  ["Europe/Stockholm", 1], ["Africa/Lagos", 1], ["Africa/Johannesburg", 1], ["Asia/Dubai", 1], ["Asia/Kolkata", 2],
  ["Asia/Singapore", 2], ["Asia/Tokyo", 1], ["Australia/Sydney", 3], ["Australia/Melbourne", 1], ["Pacific/Auckland", 1],
]);
const US_AREA_CODES = ["212", "312", "415", "617", "512", "206", "303", "404", "305", "646", "718", "213", "469", "602", "919"];

const MESSAGE_OPENERS = [
  "We're a family-owned business that has doubled in size over the last two years.",
  "I'm the founder and I still run day-to-day operations, which is becoming a bottleneck.",
  "We just closed our Series A and need to professionalise how we operate.",
  "Our leadership team is stretched thin and decisions keep landing on my desk.",
  "We've grown from one location to four and our processes haven't kept up.",
  "I read your article on VP of Operations vs COO and it hit close to home.",
  "A board member suggested we talk to you.",
  "We're a services firm with a lot of tribal knowledge and very little documentation.",
  "Our previous operations lead left and we're rethinking the role before we hire again.",
  "We're preparing for an acquisition and need our operations in better shape.",
  "Margins have been shrinking even though revenue is up.",
  "We run a distributed team across three time zones.",
];
const MESSAGE_MIDDLES = [
  "Handoffs between sales and delivery are where most things go wrong.",
  "Nobody owns the weekly numbers, so we find out about problems late.",
  "We have tried a couple of project management tools but nothing sticks.",
  "Hiring is slow and onboarding takes months.",
  "Customer complaints have gone up since we added the second shift.",
  "I spend more time firefighting than working on strategy.",
  "Our finance and ops teams disagree on what the bottleneck even is.",
  "We need a plan we can actually execute with the team we have.",
];
// Four asks per topic, in the order of the Topic enum: DEFINE_ROLE, OPERATIONS_STRATEGY,
// PROCESS_EFFICIENCY, RESTRUCTURING, OTHER.
const TOPICS = ["DEFINE_ROLE", "OPERATIONS_STRATEGY", "PROCESS_EFFICIENCY", "RESTRUCTURING", "OTHER"];
const MESSAGE_ASKS = [
  "Should our first senior hire be a COO or a VP of Operations?",
  "I'd like help writing a job description for a head of operations that we can actually hire against.",
  "Can you help us define what the COO should own versus what stays with me?",
  "We need clarity on the operations role before we start interviewing candidates.",
  "I'd like an outside view on our operating plan for next year.",
  "Could we talk about setting up a proper operating cadence: weekly metrics, quarterly goals?",
  "We need an operations strategy that supports opening two more sites.",
  "I'm looking for a partner to help us turn our growth plan into an operating model.",
  "Could you look at our order-to-cash process and tell us where the waste is?",
  "I'd like to cut our fulfilment lead time roughly in half.",
  "We want to document our core processes so they don't live in people's heads.",
  "Can you help us choose which processes to automate first?",
  "We're merging two teams and need help designing the new structure.",
  "We need to reduce costs without breaking what works; where do we start?",
  "I'd like support planning a reorganisation that the team will actually buy into.",
  "Our org chart no longer matches how work gets done; can you help us redesign it?",
  "I'm not sure exactly what we need yet, happy to explain on the call.",
  "Mostly I'd like a sounding board for a few operational decisions.",
  "We're evaluating consultants and would like to understand how you work.",
  "Could you share how your engagements are usually structured and priced?",
];
const SPAM_MESSAGES = [
  "We can get your website to the first page of Google in 30 days. Reply for a free audit!",
  "Buy cheap followers and likes, fast delivery, best prices guaranteed.",
  "Hello dear, I have a business proposal of mutual benefit. Kindly reply to my email.",
  "Increase your sales 10x with our AI lead generation platform. Book a demo today.",
  "asdf asdf test test",
  "Looking for guest post opportunities on your blog, we pay $50 per article.",
];

type Channel = { source: string; medium: string; campaign: string; term?: string; content?: string; referrer?: string; weight: number };
const CHANNELS: Channel[] = [
  { source: "google", medium: "cpc", campaign: "coo-vs-vp-ops", term: "vp of operations vs coo", referrer: "https://www.google.com/", weight: 14 },
  { source: "google", medium: "cpc", campaign: "coo-vs-vp-ops", term: "coo or vp operations first hire", referrer: "https://www.google.com/", weight: 6 },
  { source: "google", medium: "cpc", campaign: "fractional-coo", term: "fractional coo", referrer: "https://www.google.com/", weight: 8 },
  { source: "google", medium: "cpc", campaign: "ops-consulting", term: "operations consultant small business", referrer: "https://www.google.com/", weight: 6 },
  { source: "google", medium: "cpc", campaign: "brand", term: "smallbusiness management", weight: 3 },
  { source: "bing", medium: "cpc", campaign: "coo-vs-vp-ops", term: "vp operations vs coo", referrer: "https://www.bing.com/", weight: 3 },
  { source: "linkedin", medium: "paid_social", campaign: "ops-leaders-q1", content: "carousel-a", referrer: "https://www.linkedin.com/", weight: 7 },
  { source: "linkedin", medium: "paid_social", campaign: "ops-leaders-q1", content: "video-b", referrer: "https://www.linkedin.com/", weight: 5 },
  { source: "linkedin", medium: "paid_social", campaign: "coo-hiring-guide", content: "single-image", referrer: "https://www.linkedin.com/", weight: 6 },
  { source: "linkedin", medium: "social", campaign: "founder-posts", referrer: "https://www.linkedin.com/", weight: 6 },
  { source: "newsletter", medium: "email", campaign: "weekly-ops-brief", content: "header-link", weight: 9 },
  { source: "newsletter", medium: "email", campaign: "weekly-ops-brief", content: "footer-cta", weight: 5 },
  { source: "newsletter", medium: "email", campaign: "coo-vs-vp-ops-launch", content: "hero", weight: 5 },
  { source: "twitter", medium: "social", campaign: "founder-posts", referrer: "https://t.co/", weight: 3 },
  { source: "podcast", medium: "audio", campaign: "operators-podcast-ep42", weight: 3 },
  { source: "partner", medium: "referral", campaign: "accountant-network", weight: 4 },
  { source: "webinar", medium: "event", campaign: "scaling-ops-webinar", weight: 3 },
];
const channelList = CHANNELS.flatMap((channel) => Array<Channel>(channel.weight).fill(channel));
const ORGANIC_REFERRERS = weighted([
  ["https://www.google.com/", 30], ["https://www.bing.com/", 5], ["https://duckduckgo.com/", 5], ["https://www.linkedin.com/", 10],
  ["https://news.ycombinator.com/", 3], ["https://www.reddit.com/", 3], ["https://chatgpt.com/", 4], ["https://www.perplexity.ai/", 2],
  ["https://search.yahoo.com/", 1], ["https://www.ecosia.org/", 1],
]);
const LANDING_PAGES = weighted([["/articles/vp-of-operations-vs-coo", 55], ["/", 25], ["/book", 15], ["/privacy", 1]]);

const NOTES_CONTACT = [
  "Left a voicemail and sent a short email to confirm the call.",
  "Emailed ahead of the call with our one-pager; they replied with their org chart.",
  "Quick intro call to confirm the agenda. They want to focus on the COO question.",
  "Confirmed the time by email. Prospect asked if their co-founder can join.",
  "Checked their website and LinkedIn: about 60 staff, hiring for ops roles.",
  "Rescheduled once by email, then confirmed.",
];
const NOTES_CALL = [
  "Good call. Founder-led ops team, no clear owner of the weekly numbers. Interested in a role definition engagement.",
  "They want a 90-day operating plan before hiring. Budget seems realistic.",
  "Call went well; the CEO is keen, the CFO less so. Need to show ROI.",
  "Mostly a fit. Their real issue is handoffs between sales and delivery.",
  "Short call, they were exploring options. Sent our engagement overview.",
  "They already have a COO candidate and want help scoping the role around them.",
  "Very operationally mature already; might only need a light-touch review.",
];
const NOTES_WON = [
  "Signed the six-week role definition engagement. Kickoff scheduled.",
  "Proposal accepted. Starting with the process audit, then the operating cadence.",
  "Signed. They asked for monthly check-ins after the main engagement.",
  "Contract signed after a second call with the board.",
];
const NOTES_LOST = [
  "They decided to hire a COO directly without outside help. Check back in six months.",
  "Lost on budget; they went with a cheaper freelancer.",
  "No response to the proposal after three follow-ups. Closing.",
  "Timing is wrong: they are pausing all projects until the funding round closes.",
  "Not a fit: they need an interim CFO, not operations work. Referred them on.",
];
const NOTES_OPEN = [
  "Sent the proposal; follow up next week.",
  "Waiting on their CEO to review the scope.",
  "They asked for two references from similar-sized companies.",
  "Follow-up call booked for after their board meeting.",
];
const EMAIL_ERRORS = [
  "Resend 422: The `to` field must be a valid email address.",
  "Resend 403: The domain is not verified.",
  "fetch failed: connect ETIMEDOUT",
  "Resend 500: Internal server error.",
  "The send did not answer within 10 seconds.",
];

// --- SQL helpers --------------------------------------------------------------------------------

const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const REFERENCE_SPACE = 2 ** 30; // 32^6: six base32 characters
/** Row numbers stay below this, so a fallback reference (from n + this) never meets another row's first choice. */
const MAX_ROW_NUMBER = REFERENCE_SPACE / 2;

/** SQL picking a uniform element of the array `array` (1-based) with the uniform `uniform`. */
const pick = (array: string, uniform: string) => `(${array})[1 + floor((${uniform}) * cardinality(${array}))::int]`;

/**
 * SQL for a UUIDv7 (as the app's ids, so ids sort by time) whose timestamp is `at` and whose 74 other
 * bits come from hashing `key` (a bigint unique to the row) twice: deterministic for a seed.
 */
const uuid7 = (at: string, key: string, seed: number) => {
  const h1 = `hashint8extended(${key}, ${seed + 1})`;
  const h2 = `hashint8extended(${key}, ${seed + 2})`;
  return (
    `(lpad(to_hex(floor(extract(epoch FROM ${at}) * 1000)::bigint), 12, '0') || '7' || lpad(to_hex(${h1} & 4095), 3, '0') || ` +
    `to_hex(8 | ((${h1} >> 12) & 3)) || lpad(to_hex((${h1} >> 14) & 4095), 3, '0') || lpad(to_hex(${h2} & 281474976710655), 12, '0'))::uuid`
  );
};

/** SQL encoding a bigint in [0, 2^30) as six Crockford base32 characters. */
const base32 = (value: string) =>
  [25, 20, 15, 10, 5, 0].map((shift) => `substr('${REFERENCE_ALPHABET}', 1 + ((${value} >> ${shift}) & 31)::int, 1)`).join(" || ");

/** SQL for a bijection of [0, 2^30) (multiply by an odd number, add, xor-shift, twice), so references look random. */
const scramble = (value: string) => {
  const mask = REFERENCE_SPACE - 1;
  const a = `((${value} * 747796405 + 289133645) & ${mask})`;
  const b = `(${a} # (${a} >> 15))`;
  const c = `((${b} * 277803737) & ${mask})`;
  return `(${c} # (${c} >> 13))`;
};

/** Numbered parameters for $queryRawUnsafe. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

type BatchCounts = { leads: number; bookings: number; confirmed: number; outbox: number; events: number; notes: number; audits: number };

type Batch = { from: number; to: number; runStart: number; runTotal: number; seed: number; now: Date; staffIds: string[]; staffRecipients: string };

/** The one statement that writes a batch, rows `from`..`to`, to every table at once. */
function batchStatement(batch: Batch) {
  const { from, to, runStart, runTotal, seed } = batch;
  /** SQL for a uniform double in [0, 1) for row `n` and stream `k` (0-63): 53 bits of a 64-bit hash. */
  const u = (k: number | string, n = "n") => `((hashint8extended(${n} * 64 + ${k}, ${seed}) >> 11) & 9007199254740991)::float8 / 9007199254740992.0`;
  /** SQL for a UUIDv7 at `at` for row `n` and `slot`: each table's rows use their own slots (0-63). */
  const id = (at: string, n: string, slot: number | string) => uuid7(at, `(${n} * 64 + ${slot})`, seed);

  const p = new Parameters();
  const now = p.add(batch.now.toISOString(), "timestamptz");
  const list = (values: string[]) => p.add(values, "text[]");
  const first = list(FIRST_NAMES);
  const firstSlug = list(FIRST_NAMES.map(slug));
  const last = list(LAST_NAMES);
  const lastSlug = list(LAST_NAMES.map(slug));
  const prefix = list(COMPANY_PREFIXES);
  const industry = list(INDUSTRIES);
  const suffix = list(COMPANY_SUFFIXES);
  const roles = list(JOB_ROLES);
  const zones = list(TIME_ZONES);
  const areaCodes = list(US_AREA_CODES);
  const openers = list(MESSAGE_OPENERS);
  const middles = list(MESSAGE_MIDDLES);
  const asks = list(MESSAGE_ASKS);
  const spam = list(SPAM_MESSAGES);
  const topics = list(TOPICS);
  const chSource = list(channelList.map((channel) => channel.source));
  const chMedium = list(channelList.map((channel) => channel.medium));
  const chCampaign = list(channelList.map((channel) => channel.campaign));
  const chTerm = list(channelList.map((channel) => channel.term ?? ""));
  const chContent = list(channelList.map((channel) => channel.content ?? ""));
  const chReferrer = list(channelList.map((channel) => channel.referrer ?? ""));
  const organic = list(ORGANIC_REFERRERS);
  const landing = list(LANDING_PAGES);
  const staff = list(batch.staffIds);
  const staffTo = p.add(batch.staffRecipients, "text");
  const notesContact = list(NOTES_CONTACT);
  const notesCall = list(NOTES_CALL);
  const notesWon = list(NOTES_WON);
  const notesLost = list(NOTES_LOST);
  const notesOpen = list(NOTES_OPEN);
  const errors = list(EMAIL_ERRORS);

  const sql = `
WITH src AS MATERIALIZED (
  SELECT n, created_at, status, steps, path, owner_id, actor_id, actor_ip, starts_at, ends_at, t1, t2, t3, note_count,
    first_name || ' ' || last_name AS full_name, company, email, phone, job_role, company_size, topic, message, time_zone,
    utm_source, utm_medium, utm_campaign, utm_term, utm_content, gclid, referrer,
    landing_path || CASE
      WHEN utm_source IS NOT NULL THEN '?utm_source=' || utm_source || '&utm_medium=' || utm_medium || '&utm_campaign=' || utm_campaign
        || coalesce('&utm_term=' || replace(utm_term, ' ', '+'), '') || coalesce('&utm_content=' || utm_content, '') || coalesce('&gclid=' || gclid, '')
      WHEN gclid IS NOT NULL THEN '?gclid=' || gclid
      ELSE '' END AS landing_page,
    -- Real references are random, so one may already hold this row's: then it takes its second.
    CASE WHEN EXISTS (SELECT 1 FROM "Lead" WHERE "reference" = reference_1) THEN reference_2 ELSE reference_1 END AS reference,
    -- First come, first served: the first row of a batch to want a slot gets it, unless a confirmed
    -- booking (of an earlier batch or run, or a real one) holds it; the others were cancelled.
    wants_slot AND row_number() OVER (PARTITION BY starts_at, wants_slot ORDER BY n) = 1
      AND NOT EXISTS (SELECT 1 FROM "Booking" AS b WHERE b."status" = 'CONFIRMED'
        AND tstzrange(b."startsAt", b."endsAt", '[)') && tstzrange(starts_at, ends_at, '[)')) AS confirmed
  FROM generate_series(${from}::bigint, ${to}::bigint) AS g(n)
  -- Row i of the run's N: time runs with the row number, denser towards now (the age is a power of
  -- the fraction of rows still to come), from two years ago to three days ago.
  CROSS JOIN LATERAL (SELECT ${now} - make_interval(secs => (3 + 727 * power(1 - ((n - ${runStart}) + ${u(1)}) / ${runTotal}, 1.35)) * 86400) AS created_at OFFSET 0) AS c
  CROSS JOIN LATERAL (SELECT extract(epoch FROM ${now} - created_at)::float8 / 86400 AS age OFFSET 0) AS a
  CROSS JOIN LATERAL (SELECT CASE
      WHEN ${u(3)} < 0.03 THEN 'SPAM'
      WHEN age < 7 THEN CASE WHEN ${u(2)} < 0.55 THEN 'NEW' WHEN ${u(2)} < 0.90 THEN 'CONTACTED' ELSE 'QUALIFIED' END
      WHEN age < 30 THEN CASE WHEN ${u(2)} < 0.20 THEN 'NEW' WHEN ${u(2)} < 0.60 THEN 'CONTACTED' WHEN ${u(2)} < 0.90 THEN 'QUALIFIED' WHEN ${u(2)} < 0.94 THEN 'WON' ELSE 'LOST' END
      WHEN age < 90 THEN CASE WHEN ${u(2)} < 0.05 THEN 'NEW' WHEN ${u(2)} < 0.25 THEN 'CONTACTED' WHEN ${u(2)} < 0.55 THEN 'QUALIFIED' WHEN ${u(2)} < 0.73 THEN 'WON' ELSE 'LOST' END
      ELSE CASE WHEN ${u(2)} < 0.01 THEN 'NEW' WHEN ${u(2)} < 0.05 THEN 'CONTACTED' WHEN ${u(2)} < 0.15 THEN 'QUALIFIED' WHEN ${u(2)} < 0.47 THEN 'WON' ELSE 'LOST' END
    END AS status OFFSET 0) AS s
  -- The status changes that led here, as staff would have made them in the admin.
  CROSS JOIN LATERAL (SELECT CASE status
      WHEN 'CONTACTED' THEN ARRAY['NEW', 'CONTACTED']
      WHEN 'QUALIFIED' THEN ARRAY['NEW', 'CONTACTED', 'QUALIFIED']
      WHEN 'WON' THEN ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'WON']
      WHEN 'LOST' THEN CASE WHEN ${u(10)} < 0.45 THEN ARRAY['NEW', 'CONTACTED', 'LOST'] ELSE ARRAY['NEW', 'CONTACTED', 'QUALIFIED', 'LOST'] END
      ELSE ARRAY[status] END AS path OFFSET 0) AS pa
  -- Owners round-robin among the staff; whoever acted on an unowned lead, likewise.
  CROSS JOIN LATERAL (SELECT cardinality(path) - 1 AS steps,
      CASE WHEN status NOT IN ('NEW', 'SPAM') AND ${u(9)} < 0.6 THEN (${staff})[1 + (n % cardinality(${staff}))::int]::uuid END AS owner_id,
      1 + ((n + 1) % cardinality(${staff}))::int AS actor_index OFFSET 0) AS o
  CROSS JOIN LATERAL (SELECT coalesce(owner_id, (${staff})[actor_index]::uuid) AS actor_id OFFSET 0) AS ac
  -- Each staff member works from an address of their own (from the documentation range).
  CROSS JOIN LATERAL (SELECT '198.51.100.' || (10 + get_byte(uuid_send(actor_id), 15) % 240) AS actor_ip OFFSET 0) AS ai
  -- The call: 2 to 14 days after booking and ending at least three hours before now, a weekday when
  -- that fits, on the half hour from 13:00 to 20:30 UTC, for 30 minutes.
  CROSS JOIN LATERAL (SELECT least(14, floor(age)::int - 1) AS max_offset, date_trunc('day', created_at AT TIME ZONE 'UTC') AS booked_day OFFSET 0) AS bd
  -- A weekend day is drawn again once; if that is a weekend too, it moves to the Friday before or the Monday after.
  CROSS JOIN LATERAL (SELECT CASE WHEN extract(isodow FROM booked_day + (2 + floor(${u(4)} * (max_offset - 1))::int) * interval '1 day') >= 6
      THEN 2 + floor(${u(6)} * (max_offset - 1))::int ELSE 2 + floor(${u(4)} * (max_offset - 1))::int END AS offset_0 OFFSET 0) AS o0
  CROSS JOIN LATERAL (SELECT offset_0 + CASE extract(isodow FROM booked_day + offset_0 * interval '1 day')
      WHEN 6 THEN CASE WHEN offset_0 - 1 >= 2 THEN -1 WHEN offset_0 + 2 <= max_offset THEN 2 ELSE 0 END
      WHEN 7 THEN CASE WHEN offset_0 + 1 <= max_offset THEN 1 WHEN offset_0 - 2 >= 2 THEN -2 ELSE 0 END
      ELSE 0 END AS day_offset OFFSET 0) AS o1
  CROSS JOIN LATERAL (SELECT (booked_day + day_offset * interval '1 day' + (13 * 60 + 30 * floor(${u(5)} * 16)::int) * interval '1 minute') AT TIME ZONE 'UTC' AS starts_at OFFSET 0) AS st
  -- Spam holds no slot, and 5% of prospects cancelled on their own.
  CROSS JOIN LATERAL (SELECT starts_at + interval '30 minutes' AS ends_at, status <> 'SPAM' AND ${u(7)} >= 0.05 AS wants_slot OFFSET 0) AS en
  -- When staff acted: contacted before the call, qualified after it, won or lost days later; never after now.
  CROSS JOIN LATERAL (SELECT
      created_at + ${u(11)} * least(interval '48 hours', (starts_at - created_at) / 2) AS t1,
      least(${now} - interval '2 minutes', ends_at + (1 + ${u(12)} * 71) * interval '1 hour') AS t2,
      least(${now} - interval '1 minute', ends_at + (1 + ${u(12)} * 71) * interval '1 hour' + (2 + ${u(13)} * 40) * interval '1 day') AS t3,
      CASE WHEN status NOT IN ('NEW', 'SPAM') AND ${u(14)} < 0.3 THEN 1 + floor(${u(15)} * 3)::int ELSE 0 END AS note_count OFFSET 0) AS tt
  CROSS JOIN LATERAL (SELECT 1 + floor(${u(16)} * cardinality(${first}))::int AS fi, 1 + floor(${u(17)} * cardinality(${last}))::int AS li,
      1 + floor(${u(19)} * cardinality(${prefix}))::int AS pi, 1 + floor(${u(20)} * cardinality(${industry}))::int AS ii OFFSET 0) AS ix
  CROSS JOIN LATERAL (SELECT (${first})[fi] AS first_name, (${last})[li] AS last_name,
      (${prefix})[pi] || ' ' || (${industry})[ii] || ${pick(suffix, u(21))} AS company,
      -- .example is a reserved top-level domain (RFC 2606): no email to a demo lead can reach anyone.
      lower((${prefix})[pi] || (${industry})[ii]) || '.example' AS domain OFFSET 0) AS nm
  CROSS JOIN LATERAL (SELECT CASE
        WHEN ${u(18)} < 0.55 THEN (${firstSlug})[fi] || '.' || (${lastSlug})[li]
        WHEN ${u(18)} < 0.80 THEN left((${firstSlug})[fi], 1) || (${lastSlug})[li]
        WHEN ${u(18)} < 0.92 THEN (${firstSlug})[fi]
        ELSE (${firstSlug})[fi] || '_' || (${lastSlug})[li] END || n::text || '@' || domain AS email,
      ${pick(zones, u(31))} AS time_zone,
      CASE WHEN ${u(22)} < 0.1 THEN NULL ELSE ${pick(roles, u(47))} END AS job_role,
      (ARRAY['SIZE_1_10', 'SIZE_11_50', 'SIZE_51_200', 'SIZE_201_1000', 'SIZE_1000_PLUS'])[CASE
        WHEN ${u(24)} < 0.20 THEN 1 WHEN ${u(24)} < 0.55 THEN 2 WHEN ${u(24)} < 0.83 THEN 3 WHEN ${u(24)} < 0.95 THEN 4 ELSE 5 END] AS company_size,
      CASE WHEN ${u(25)} < 0.35 THEN 1 WHEN ${u(25)} < 0.60 THEN 2 WHEN ${u(25)} < 0.82 THEN 3 WHEN ${u(25)} < 0.92 THEN 4 ELSE 5 END AS topic_index OFFSET 0) AS pr
  CROSS JOIN LATERAL (SELECT (${topics})[topic_index] AS topic,
      -- Fictional numbers only: 555-01xx (North America), 020 7946 0xxx (UK), 02 5550 xxxx (Australia).
      CASE WHEN ${u(23)} < 0.25 THEN NULL
        WHEN time_zone LIKE 'America/%' THEN '+1 (' || ${pick(areaCodes, u(38))} || ') 555-01' || lpad(floor(${u(39)} * 100)::text, 2, '0')
        WHEN time_zone = 'Europe/London' THEN '+44 20 7946 0' || lpad(floor(${u(39)} * 1000)::text, 3, '0')
        WHEN time_zone LIKE 'Australia/%' THEN '+61 2 5550 ' || lpad(floor(${u(39)} * 10000)::text, 4, '0')
        END AS phone,
      CASE WHEN status = 'SPAM' THEN ${pick(spam, u(27))}
        WHEN ${u(26)} < 0.25 THEN NULL
        ELSE ${pick(openers, u(27))} || CASE WHEN ${u(30)} < 0.5 THEN ' ' || ${pick(middles, u(28))} ELSE '' END
          || ' ' || (${asks})[(topic_index - 1) * 4 + 1 + floor(${u(29)} * 4)::int] END AS message OFFSET 0) AS me
  -- First touch: half came from a campaign, the rest from a search engine or a link, or directly.
  CROSS JOIN LATERAL (SELECT ${u(32)} < 0.5 AS tagged, 1 + floor(${u(33)} * cardinality(${chSource}))::int AS ch OFFSET 0) AS tg
  CROSS JOIN LATERAL (SELECT
      CASE WHEN tagged THEN (${chSource})[ch] END AS utm_source, CASE WHEN tagged THEN (${chMedium})[ch] END AS utm_medium,
      CASE WHEN tagged THEN (${chCampaign})[ch] END AS utm_campaign, CASE WHEN tagged THEN nullif((${chTerm})[ch], '') END AS utm_term,
      CASE WHEN tagged THEN nullif((${chContent})[ch], '') END AS utm_content,
      CASE WHEN (tagged AND (${chSource})[ch] = 'google' AND ${u(34)} < 0.9) OR (NOT tagged AND ${u(34)} < 0.05)
        THEN 'Cj0KCQjw' || translate(encode(decode(md5('${seed}:gclid:' || n) || md5('${seed}:gclid2:' || n), 'hex'), 'base64'), '+/=', '-_') END AS gclid,
      CASE WHEN tagged THEN CASE WHEN ${u(35)} < 0.8 THEN nullif((${chReferrer})[ch], '') END
        WHEN ${u(35)} < 0.45 THEN ${pick(organic, u(36))} END AS referrer,
      ${pick(landing, u(37))} AS landing_path OFFSET 0) AS tch
  CROSS JOIN LATERAL (SELECT 'OPS-' || ${base32(scramble("n"))} AS reference_1, 'OPS-' || ${base32(scramble(`(n + ${MAX_ROW_NUMBER})`))} AS reference_2 OFFSET 0) AS rf
),
notes_src AS (
  SELECT src.n, j, src.actor_id, src.actor_ip,
    least(${now} - interval '30 seconds', CASE j
      WHEN 1 THEN t1 + (5 + ${u(43)} * 115) * interval '1 minute'
      WHEN 2 THEN ends_at + (10 + ${u(44)} * 170) * interval '1 minute'
      ELSE (CASE WHEN steps >= 3 THEN t3 ELSE t2 END) + (1 + ${u(45)} * 47) * interval '1 hour' END) AS noted_at,
    CASE j WHEN 1 THEN ${pick(notesContact, u(40))} WHEN 2 THEN ${pick(notesCall, u(41))}
      ELSE CASE status WHEN 'WON' THEN ${pick(notesWon, u(42))} WHEN 'LOST' THEN ${pick(notesLost, u(42))} ELSE ${pick(notesOpen, u(42))} END END AS body
  FROM src CROSS JOIN LATERAL generate_series(1, src.note_count) AS j
),
last_note AS (SELECT n, max(noted_at) AS noted_at FROM notes_src GROUP BY n),
lead_rows AS (
  INSERT INTO "Lead" ("id", "reference", "formToken", "status", "fullName", "email", "company", "jobRole", "phone", "companySize", "topic",
    "message", "timeZone", "consentAt", "utmSource", "utmMedium", "utmCampaign", "utmTerm", "utmContent", "gclid", "referrer", "landingPage",
    "ownerId", "version", "createdAt", "updatedAt")
  SELECT ${id("created_at", "n", 0)}, reference, 'seed-' || n, status::"LeadStatus", full_name, email, company, job_role, phone,
    company_size::"CompanySize", topic::"Topic", message, time_zone, created_at, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
    gclid, referrer, landing_page, owner_id, steps + CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END, created_at,
    greatest(created_at, (ARRAY[created_at, t1, t2, t3])[steps + 1], last_note.noted_at)
  FROM src LEFT JOIN last_note USING (n)
  RETURNING "id", "formToken"
),
lead_ids AS (SELECT "id" AS lead_id, substring("formToken" FROM 6)::bigint AS n FROM lead_rows),
booking_rows AS (
  INSERT INTO "Booking" ("id", "leadId", "startsAt", "endsAt", "status", "sequence", "cancelledAt", "createdAt", "updatedAt")
  SELECT ${id("created_at", "src.n", 1)}, lead_id, starts_at, ends_at,
    CASE WHEN confirmed THEN 'CONFIRMED' ELSE 'CANCELLED' END::"BookingStatus", CASE WHEN cancelled_at IS NULL THEN 0 ELSE 1 END,
    cancelled_at, created_at, coalesce(cancelled_at, created_at)
  FROM src JOIN lead_ids USING (n)
    -- Spam holds no slot and was never cancelled (as the app books it); anyone else's lost slot was cancelled before the call.
    CROSS JOIN LATERAL (SELECT CASE WHEN NOT confirmed AND status <> 'SPAM'
      THEN created_at + (0.1 + 0.85 * ${u(8, "src.n")}) * (starts_at - created_at) END AS cancelled_at OFFSET 0) AS ca
  RETURNING "leadId", "status", "cancelledAt"
),
-- The emails each booking owed, long since sent (never PENDING: a worker would send them). Spam sends none.
mail AS (
  SELECT src.n, lead_id, e.kind_index, e.kind, e.recipient, e.queued_at, e.due, e.sequence, src.starts_at, src.ends_at
  FROM src JOIN lead_ids USING (n) JOIN booking_rows AS b ON b."leadId" = lead_ids.lead_id
    CROSS JOIN LATERAL (VALUES
      (0, 'BOOKING_CONFIRMATION', src.email, src.created_at, src.created_at, 0, true),
      (1, 'STAFF_NOTIFICATION', ${staffTo}, src.created_at, src.created_at, 0, true),
      (2, 'BOOKING_REMINDER', src.email, src.created_at, src.starts_at - interval '24 hours', 0, b."status" = 'CONFIRMED'),
      (3, 'BOOKING_CANCELLED', src.email, b."cancelledAt", b."cancelledAt", 1, b."cancelledAt" IS NOT NULL),
      (4, 'STAFF_BOOKING_CANCELLED', ${staffTo}, b."cancelledAt", b."cancelledAt", 1, b."cancelledAt" IS NOT NULL)
    ) AS e (kind_index, kind, recipient, queued_at, due, sequence, owed)
  WHERE src.status <> 'SPAM' AND e.owed
),
outbox_rows AS (
  INSERT INTO "OutboxMessage" ("id", "leadId", "kind", "recipient", "slotStartsAt", "slotEndsAt", "inviteSequence", "status", "attempts",
    "nextAttemptAt", "lastError", "providerMessageId", "deliveryStatus", "deliveryStatusAt", "sentAt", "createdAt", "updatedAt")
  SELECT ${id("queued_at", "mail.n", "2 + kind_index")}, lead_id, kind::"OutboxKind", recipient, starts_at, ends_at, sequence,
    CASE WHEN failed THEN 'FAILED' ELSE 'SENT' END::"OutboxStatus", CASE WHEN failed THEN 8 ELSE 1 END,
    CASE WHEN failed THEN due + interval '4 hours' ELSE due END, CASE WHEN failed THEN ${pick(errors, "ud")} END,
    CASE WHEN NOT failed THEN ${id("due", "mail.n", "7 + kind_index")}::text END,
    delivery::"DeliveryStatus", CASE WHEN delivery IS NOT NULL THEN delivered_at END, sent_at,
    queued_at, coalesce(CASE WHEN delivery IS NOT NULL THEN delivered_at END, sent_at, due + interval '4 hours')
  FROM mail
    CROSS JOIN LATERAL (SELECT ${u("50 + kind_index", "mail.n")} AS uf, ${u("56 + kind_index", "mail.n")} AS ud OFFSET 0) AS r
    CROSS JOIN LATERAL (SELECT uf < 0.005 AS failed OFFSET 0) AS f
    CROSS JOIN LATERAL (SELECT CASE WHEN NOT failed THEN due + (1 + 19 * ud) * interval '1 second' END AS sent_at OFFSET 0) AS se
    -- What the provider's webhooks last said: mostly delivered; some bounced, delayed, or not heard from.
    CROSS JOIN LATERAL (SELECT CASE WHEN failed THEN NULL
        WHEN kind IN ('STAFF_NOTIFICATION', 'STAFF_BOOKING_CANCELLED') THEN CASE WHEN ud < 0.01 THEN 'DELIVERY_DELAYED' WHEN ud < 0.015 THEN NULL ELSE 'DELIVERED' END
        WHEN ud < 0.025 THEN 'BOUNCED' WHEN ud < 0.027 THEN 'COMPLAINED' WHEN ud < 0.04 THEN 'DELIVERY_DELAYED' WHEN ud < 0.05 THEN 'SENT'
        WHEN ud < 0.06 THEN NULL ELSE 'DELIVERED' END AS delivery OFFSET 0) AS d
    CROSS JOIN LATERAL (SELECT sent_at + CASE WHEN delivery = 'DELIVERY_DELAYED' THEN (1 + 5 * uf) * interval '1 hour'
      ELSE (2 + 60 * uf) * interval '1 second' END AS delivered_at OFFSET 0) AS da
  RETURNING "id", "deliveryStatus", "deliveryStatusAt"
),
event_rows AS (
  INSERT INTO "EmailEvent" ("id", "outboxId", "type", "occurredAt", "receivedAt")
  SELECT 'msg_' || replace("id"::text, '-', ''), "id", "deliveryStatus", "deliveryStatusAt", "deliveryStatusAt" + interval '2 seconds'
  FROM outbox_rows WHERE "deliveryStatus" IS NOT NULL
  RETURNING 1
),
note_rows AS (
  INSERT INTO "Note" ("id", "leadId", "authorId", "body", "createdAt")
  SELECT ${id("noted_at", "notes_src.n", "11 + j")}, lead_id, actor_id, body, noted_at
  FROM notes_src JOIN lead_ids USING (n)
  RETURNING 1
),
audit_rows AS (
  INSERT INTO "AuditEvent" ("id", "actorId", "leadId", "action", "detail", "ip", "createdAt")
  SELECT ${id("e.event_at", "e.n", "e.slot")}, e.actor, lead_id, e.action, e.detail, e.ip, e.event_at
  FROM (
    -- Taking the lead, each status change and each note (the app audits all three), and a prospect's cancellation.
    SELECT n, 15 AS slot, owner_id AS actor, 'lead.owner' AS action, jsonb_build_object('from', NULL, 'to', owner_id) AS detail,
      actor_ip AS ip, t1 - interval '1 minute' AS event_at
    FROM src WHERE owner_id IS NOT NULL
    UNION ALL
    SELECT n, 15 + j, actor_id, 'lead.status', jsonb_build_object('from', path[j], 'to', path[j + 1]),
      actor_ip, (ARRAY[t1, t2, t3])[j]
    FROM src CROSS JOIN LATERAL generate_series(1, steps) AS j
    UNION ALL
    SELECT n, 18 + j, actor_id, 'lead.note', NULL, actor_ip, noted_at FROM notes_src
    UNION ALL
    SELECT src.n, 22, NULL, 'booking.cancelled_by_prospect', jsonb_build_object('startsAt', src.starts_at), NULL, b."cancelledAt"
    FROM src JOIN lead_ids USING (n) JOIN booking_rows AS b ON b."leadId" = lead_ids.lead_id WHERE b."cancelledAt" IS NOT NULL
  ) AS e JOIN lead_ids USING (n)
  RETURNING 1
)
SELECT (SELECT count(*) FROM lead_rows)::int AS leads, (SELECT count(*) FROM booking_rows)::int AS bookings,
  (SELECT count(*) FROM booking_rows WHERE "status" = 'CONFIRMED')::int AS confirmed, (SELECT count(*) FROM outbox_rows)::int AS outbox,
  (SELECT count(*) FROM event_rows)::int AS events, (SELECT count(*) FROM note_rows)::int AS notes, (SELECT count(*) FROM audit_rows)::int AS audits`;
  return { sql, values: p.values };
}

// --- The run ------------------------------------------------------------------------------------

/** The staff who own leads and write notes: the enabled accounts, or three demo accounts made for this. */
async function demoStaff(db: PrismaClient) {
  const existing = await db.user.findMany({ where: { disabledAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, email: true } });
  if (existing.length > 0) return { staff: existing, created: 0 };
  const staff = [];
  for (const account of DEMO_STAFF) {
    staff.push(
      await db.user.upsert({
        where: { email: account.email },
        create: { ...account, role: "STAFF", passwordHash: UNUSABLE_PASSWORD_HASH },
        update: { disabledAt: null },
        select: { id: true, email: true },
      }),
    );
  }
  return { staff, created: staff.length };
}

/** The last row number an earlier run used (from its form tokens, "seed-<n>"), or 0. */
async function lastSeededRow(db: PrismaClient): Promise<number> {
  const [row] = await db.$queryRawUnsafe<Array<{ last: bigint | null }>>(
    `SELECT max(substring("formToken" FROM 6)::bigint) AS "last" FROM "Lead" WHERE "formToken" ~ '^seed-[0-9]{1,12}$'`,
  );
  return Number(row?.last ?? 0);
}

export function validateLeadCount(leads: number): void {
  if (!Number.isInteger(leads) || leads < 1 || leads > MAX_SEED_LEADS) {
    throw new RangeError(`--leads must be a whole number from 1 to ${MAX_SEED_LEADS.toLocaleString("en-US")}`);
  }
}

/**
 * Adds `leads` demo leads to a migrated database, each with its booking, the emails it was sent,
 * and (for leads staff worked on) an owner, notes and audit events, then ANALYZEs the tables.
 * Each batch is one statement, so a failure leaves whole leads only.
 */
export async function seedDemo(db: PrismaClient, options: SeedOptions): Promise<SeedSummary> {
  validateLeadCount(options.leads);
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError("--seed must be a whole number");
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? new Date();
  const started = performance.now();

  const { staff, created } = await demoStaff(db);
  const staffRecipients = (options.staffEmails?.length ? options.staffEmails : staff.map((member) => member.email)).join(", ");
  const runStart = await lastSeededRow(db);
  if (runStart + options.leads >= MAX_ROW_NUMBER) throw new RangeError("This database holds too many seeded leads to add more.");

  const totals = { leads: 0, bookings: 0, confirmed: 0, outbox: 0, events: 0, notes: 0, audits: 0 };
  for (let done = 0; done < options.leads; ) {
    const size = Math.min(batchSize, options.leads - done);
    const { sql, values } = batchStatement({
      from: runStart + done + 1,
      to: runStart + done + size,
      runStart: runStart + 1,
      runTotal: options.leads,
      seed,
      now,
      staffIds: staff.map((member) => member.id),
      staffRecipients,
    });
    // JIT would spend far longer compiling this statement's many expressions than running it.
    const [counts] = await db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL jit = off");
        return tx.$queryRawUnsafe<BatchCounts[]>(sql, ...values);
      },
      { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS },
    );
    for (const name of Object.keys(totals) as Array<keyof BatchCounts>) totals[name] += counts?.[name] ?? 0;
    done += size;
    options.onProgress?.({ done, total: options.leads, elapsedMs: performance.now() - started });
  }

  await db.$executeRawUnsafe(`ANALYZE "Lead", "Booking", "OutboxMessage", "EmailEvent", "Note", "AuditEvent", "User"`);
  return {
    firstRow: runStart + 1,
    lastRow: runStart + options.leads,
    leads: totals.leads,
    bookings: totals.bookings,
    confirmedBookings: totals.confirmed,
    outboxMessages: totals.outbox,
    emailEvents: totals.events,
    notes: totals.notes,
    auditEvents: totals.audits,
    staff: staff.length,
    staffCreated: created,
    elapsedMs: performance.now() - started,
  };
}
