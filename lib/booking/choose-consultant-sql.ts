import { Prisma } from "../db/generated/client";

/**
 * A query for the one row ("id") of the consultant a booking goes to, among those free for it:
 * round robin, the fewest confirmed calls in the coming 14 days, then the one booked least
 * recently, then the order given. No ids: one row with a null id, the firm's own booking.
 */
export function chooseConsultantSql(consultantIds: string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT "id" FROM (
      SELECT candidate."id", 0 AS "rank",
        (SELECT count(*) FROM "Booking" AS booking WHERE booking."consultantId" = candidate."id" AND booking."status" = 'CONFIRMED'
           AND booking."startsAt" >= now() AND booking."startsAt" < now() + interval '14 days') AS "coming",
        (SELECT max(booking."createdAt") FROM "Booking" AS booking WHERE booking."consultantId" = candidate."id") AS "lastBookedAt",
        candidate."position"
      FROM unnest(${consultantIds}::uuid[]) WITH ORDINALITY AS candidate ("id", "position")
      UNION ALL
      SELECT NULL, 1, 0, NULL, 0 WHERE cardinality(${consultantIds}::uuid[]) = 0
    ) AS ranked
    ORDER BY "rank", "coming", "lastBookedAt" NULLS FIRST, "position"
    LIMIT 1`;
}

/** The staff list with the consultant's address added, unless it is on the list already. */
export function withConsultantSql(staffRecipients: string, consultantEmail: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${staffRecipients} || COALESCE((SELECT ', ' || address FROM (SELECT (${consultantEmail}) AS address) AS consultant
    WHERE address IS NOT NULL AND lower(address) <> ALL (string_to_array(lower(${staffRecipients}), ', '))), '')`;
}
