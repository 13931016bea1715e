import { z } from "zod";
import { isTimeZone } from "./booking/time-zones";

const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const integer = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time of day as HH:MM, 24-hour");

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: z.url({ protocol: /^https?$/, error: "an absolute http(s) URL such as https://example.com" }).default("http://localhost:3000").transform((url) => url.replace(/\/+$/, "")),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: "a postgres:// connection URL, or unset for the embedded database" }).optional(),
  ),
  DATABASE_POOL_SIZE: integer(10, 1, 100),
  DATA_DIR: z.string().min(1).default(".data"),
  MIGRATE_ON_START: z.stringbool().default(true),

  FIRM_NAME: z.string().min(1).default("SmallBusiness.Management"),
  FIRM_EMAIL: z.email().default("hello@smallbusiness.management"),
  FIRM_PHONE: z.preprocess(emptyAsUndefined, z.string().optional()),
  FIRM_ADDRESS: z.preprocess(emptyAsUndefined, z.string().optional()),

  FIRM_TIME_ZONE: z.string().refine(isTimeZone, "an IANA time zone such as America/New_York").default("America/New_York"),
  WORKING_DAYS: z
    .string()
    .default("mon,tue,wed,thu,fri")
    .transform((value) => value.toLowerCase().split(",").map((day) => day.trim()))
    .pipe(z.array(z.enum(weekdays)).min(1)),
  WORKING_HOURS_START: clockTime.default("09:00"),
  WORKING_HOURS_END: clockTime.default("17:00"),
  CONSULTATION_MINUTES: integer(30, 5, 480),
  BUFFER_MINUTES: integer(0, 0, 240),
  MIN_NOTICE_HOURS: integer(24, 0, 24 * 60),
  BOOKING_HORIZON_DAYS: integer(30, 1, 365),

  BOOKING_RATE_LIMIT: integer(5, 1, 10_000),
  BOOKING_RATE_WINDOW_SECONDS: integer(600, 1, 86_400),
  BOOKING_MIN_FILL_SECONDS: integer(3, 0, 600),
  // Which X-Forwarded-For entry, counted from the right, is the client: 1 is the address the
  // nearest proxy saw (or, with no proxy, the socket address Next.js records there).
  PROXY_HOPS: integer(1, 1, 10),
  STAFF_NOTIFY_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
});

export type AppConfig = z.infer<typeof configSchema>;
export type Weekday = (typeof weekdays)[number];

export class ConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    super(`Invalid configuration. Fix these environment variables:\n${lines.join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) throw new ConfigError(result.error.issues);
  const config = result.data;
  if (config.WORKING_HOURS_END <= config.WORKING_HOURS_START) {
    throw new ConfigError([
      { code: "custom", path: ["WORKING_HOURS_END"], message: "must be later than WORKING_HOURS_START", input: config.WORKING_HOURS_END },
    ]);
  }
  return config;
}

let cached: AppConfig | undefined;

/** The configuration, parsed from the environment on first use and then kept. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
