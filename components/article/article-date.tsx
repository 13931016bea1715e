const longDate = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

/** A calendar day (YYYY-MM-DD) as "November 25, 2026", the same in every time zone. */
export function ArticleDate({ date }: { date: string }) {
  return <time dateTime={date} className="whitespace-nowrap">{longDate.format(new Date(`${date}T00:00:00Z`))}</time>;
}
