// Consultants for the consultants stage, written straight into the bench's database: a few users
// who take calls, each with two calendars and their busy intervals, switched on and off between
// blocks (the app reads the team from the database on every request).
import { withClient } from "./database.mjs";

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
const LENGTHS = [30, 45, 60, 75, 90]; // minutes
const EMAIL = (n) => `bench-consultant-${n}@example.com`;
const CALENDARS = [
  { kind: "CALDAV", label: "Work", host: "caldav.example.com" },
  { kind: "ICS_FEED", label: "Personal", host: "calendar.example.com" },
];

/** A seeded PRNG (mulberry32), so every run places the same busy times relative to its slots. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Indices of the slots (ascending starts, each `length` ms) that overlap [from, to). */
function overlapping(starts, length, from, to) {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] + length > from) high = middle;
    else low = middle + 1;
  }
  const indices = [];
  for (let i = low; i < starts.length && starts[i] < to; i++) indices.push(i);
  return indices;
}

/**
 * Each consultant's busy intervals: 30 to 90 minutes on a quarter-hour grid, three in four starting
 * at the time of an offered slot (working hours) and the rest anywhere in the window, nights and
 * weekends included, which the app loads and then finds outside anyone's hours. A consultant's own
 * intervals may overlap, and are spread over two calendars. One rule: no interval makes every
 * consultant busy for an offered slot. Then /book offers the same slots with the consultants as
 * without them, so the two renders compare like with like (each offered slot is a radio button,
 * and its rendering costs more than anything else on the page).
 */
export function planBusyTimes({ consultants, each, slots, slotMinutes, window, random }) {
  const starts = slots.map((slot) => Date.parse(slot)).sort((a, b) => a - b);
  const length = slotMinutes * MINUTE;
  const pick = (list) => list[Math.floor(random() * list.length)];
  const busyFor = Array.from({ length: consultants }, () => new Set()); // indices of the offered slots each one is busy for
  const plan = Array.from({ length: consultants }, () => []);
  // Round by round, so that no consultant takes all the room the rule leaves.
  for (let round = 0; round < each; round++) {
    for (let c = 0; c < consultants; c++) {
      for (;;) {
        const at = random() < 0.75 && starts.length > 0 ? pick(starts) : window.from + random() * (window.to - window.from);
        const startsAt = Math.floor(at / QUARTER) * QUARTER;
        const endsAt = startsAt + pick(LENGTHS) * MINUTE;
        const covered = overlapping(starts, length, startsAt, endsAt);
        if (covered.some((i) => busyFor.every((busy, other) => other === c || busy.has(i)))) continue;
        for (const i of covered) busyFor[c].add(i);
        plan[c].push({ calendar: Math.floor(random() * CALENDARS.length), startsAt: new Date(startsAt), endsAt: new Date(endsAt) });
        break;
      }
    }
  }
  const busyShare = busyFor.map((busy) => (starts.length === 0 ? 0 : Number((busy.size / starts.length).toFixed(3))));
  return { plan, busyShare };
}

/**
 * Inserts the consultants (not taking calls yet; their hours are the firm's), their calendars and
 * their busy intervals. Resolves with the consultants' ids and, per consultant, the share of the
 * offered slots they are busy for.
 */
export async function seedConsultants(url, { consultants, each, slots, slotMinutes, window, seed = 1 }) {
  const { plan, busyShare } = planBusyTimes({ consultants, each, slots, slotMinutes, window, random: seededRandom(seed) });
  return withClient(url, async (db) => {
    const ids = [];
    for (let n = 0; n < consultants; n++) {
      const { rows: [user] } = await db.query(
        // createdAt apart: the team is listed in that order. The hash is no hash, so nobody signs in as them.
        `INSERT INTO "User" ("id", "email", "name", "passwordHash", "takesCalls", "createdAt", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, 'bench: no password', false, now() + $3 * interval '1 ms', now()) RETURNING "id"`,
        [EMAIL(n + 1), `Bench Consultant ${n + 1}`, n],
      );
      ids.push(user.id);
      const calendarIds = [];
      for (const { kind, label, host } of CALENDARS) {
        const { rows: [calendar] } = await db.query(
          // Not writeBookings: bookings then owe no CALENDAR_EVENT for the worker to send to a server that isn't there.
          `INSERT INTO "Calendar" ("id", "consultantId", "kind", "label", "secret", "host")
           VALUES (gen_random_uuid(), $1, $2::"CalendarKind", $3, 'bench: not a sealed secret', $4) RETURNING "id"`,
          [user.id, kind, label, host],
        );
        calendarIds.push(calendar.id);
      }
      const intervals = plan[n];
      await db.query(
        `INSERT INTO "BusyInterval" ("calendarId", "consultantId", "startsAt", "endsAt")
         SELECT calendar, $2::uuid, starts, ends FROM unnest($1::uuid[], $3::timestamptz[], $4::timestamptz[]) AS busy (calendar, starts, ends)`,
        [intervals.map((i) => calendarIds[i.calendar]), user.id, intervals.map((i) => i.startsAt), intervals.map((i) => i.endsAt)],
      );
    }
    await db.query(`ANALYZE "User", "Calendar", "BusyInterval"`);
    return { ids, busyShare };
  });
}

/** Switches between the two modes: the consultants take calls, or nobody does and the firm takes them. */
export const setTakingCalls = (url, on) =>
  withClient(url, (db) => db.query(`UPDATE "User" SET "takesCalls" = $1 WHERE "email" LIKE 'bench-consultant-%@example.com'`, [on]));

/**
 * What the bookings made in each mode became: without consultants, every one the firm's own; with
 * them, every one a consultant's, and none of them over a busy interval of that consultant.
 */
export const checkBookings = (url, { none, consultants }) =>
  withClient(url, async (db) => {
    const count = async (references, condition) =>
      (await db.query(
        `SELECT count(*)::int AS n FROM "Booking" b JOIN "Lead" l ON l."id" = b."leadId"
         WHERE l."reference" = ANY($1) AND b."status" = 'CONFIRMED' AND ${condition}`,
        [references],
      )).rows[0].n;
    const { rows: perConsultant } = await db.query(
      `SELECT u."email", count(b."id")::int AS n FROM "User" u
       LEFT JOIN "Booking" b ON b."consultantId" = u."id" AND b."leadId" IN (SELECT "id" FROM "Lead" WHERE "reference" = ANY($1))
       WHERE u."email" LIKE 'bench-consultant-%@example.com' GROUP BY u."email" ORDER BY u."email"`,
      [consultants],
    );
    const { rows: [clashes] } = await db.query(
      `SELECT count(DISTINCT b."id")::int AS n FROM "Booking" b
       JOIN "BusyInterval" i ON i."consultantId" = b."consultantId" AND i."startsAt" < b."endsAt" AND i."endsAt" > b."startsAt"
       WHERE b."status" = 'CONFIRMED'`,
    );
    return {
      none: { posted: none.length, firms: await count(none, `b."consultantId" IS NULL`) },
      consultants: { posted: consultants.length, assigned: await count(consultants, `b."consultantId" IS NOT NULL`) },
      perConsultant: perConsultant.map((row) => row.n),
      overBusyTime: clashes.n,
    };
  });

/** Removes the consultants; their calendars and busy intervals go with them. */
export const removeConsultants = (url) =>
  withClient(url, (db) => db.query(`DELETE FROM "User" WHERE "email" LIKE 'bench-consultant-%@example.com'`));
