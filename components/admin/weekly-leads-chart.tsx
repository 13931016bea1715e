import type { WeekCount } from "@/lib/leads/lead-overview";

const WIDTH = 600;
const HEIGHT = 200;
const GAP = 6;
const dayLabel = (date: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone }).format(date);

/**
 * Leads per week as bars, drawn on the server as SVG (no chart library in the browser), with the
 * same numbers as a table for screen readers and for anyone who would rather read them.
 */
export function WeeklyLeadsChart({ weeks, timeZone }: { weeks: WeekCount[]; timeZone: string }) {
  const most = Math.max(1, ...weeks.map((week) => week.leads));
  const barWidth = WIDTH / weeks.length - GAP;
  return (
    <figure>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 24}`} className="h-auto w-full max-w-2xl" aria-hidden="true" focusable="false">
        {weeks.map((week, index) => {
          const height = Math.round((week.leads / most) * (HEIGHT - 20));
          const x = index * (barWidth + GAP);
          return (
            <g key={week.weekStart.toISOString()}>
              <rect x={x} y={HEIGHT - height} width={barWidth} height={height} rx={3} className="fill-emerald-600 dark:fill-emerald-400" />
              <text x={x + barWidth / 2} y={HEIGHT - height - 4} textAnchor="middle" className="fill-current text-[11px]">{week.leads}</text>
              {index % 2 === 0 ? <text x={x + barWidth / 2} y={HEIGHT + 16} textAnchor="middle" className="fill-current text-[11px]">{dayLabel(week.weekStart, timeZone)}</text> : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="sr-only">Leads per week, the last twelve weeks; the table below has the numbers.</figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm">The numbers</summary>
        <table className="mt-2 text-sm">
          <caption className="sr-only">Leads per week</caption>
          <thead><tr><th scope="col" className="pr-6 text-left">Week from</th><th scope="col" className="text-right">Leads</th></tr></thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart.toISOString()}><td className="pr-6">{dayLabel(week.weekStart, timeZone)}</td><td className="text-right">{week.leads}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
