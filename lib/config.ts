import { z } from "zod";
import { isTimeZone } from "./booking/time-zones";
import { parseTrustedProxies } from "./http/edge/trusted-proxies";
import { publicAddressSetting } from "./public-address.mjs";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

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
  // The proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, "loopback", "private");
  // with none, the client is the socket's peer, whatever the request claims.
  TRUSTED_PROXIES: z.string().default("").superRefine((list, context) => {
    try {
      parseTrustedProxies(list);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
  // Read by next.config.js (compress): false behind a proxy that compresses, such as nginx.
  COMPRESS_RESPONSES: z.stringbool().default(true),
  STAFF_NOTIFY_EMAIL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((value) => value.split(",").map((address) => address.trim()).filter(Boolean))
      .pipe(z.array(z.email("a comma-separated list of email addresses")).min(1).max(50))
      .optional(),
  ),

  // --- Email ---
  // Who the emails come from: a sender on a domain verified with Resend. Defaults to the firm.
  EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().regex(/^[^\r\n<>]*<[^\s@<>]+@[^\s@<>]+>$|^[^\s@<>]+@[^\s@<>]+$/, "an address, or a name and address like Firm <hello@firm.com>").optional()),
  RESEND_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  RESEND_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().startsWith("whsec_", "Resend's signing secret, whsec_…").optional()),
  // "mailbox" keeps every email in the database's dev mailbox instead of sending it.
  EMAIL_DELIVERY: z.preprocess(emptyAsUndefined, z.enum(["resend", "mailbox"]).optional()),
  RESEND_MAX_PER_SECOND: z.coerce.number().positive().max(100).default(2),
  EMAIL_SEND_TIMEOUT_SECONDS: integer(10, 1, 120),
  EMAIL_MAX_ATTEMPTS: integer(8, 1, 30),
  EMAIL_RETRY_BASE_SECONDS: integer(60, 1, 3600),
  REMINDER_HOURS_BEFORE: integer(24, 0, 24 * 14),
  WORKER_IN_APP: z.stringbool().default(true),
  WORKER_POLL_SECONDS: integer(5, 1, 300),
  // Signs manage links and staff sessions. At least 32 characters in production.
  AUTH_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  // --- Staff sign-in ---
  SESSION_HOURS: integer(8, 1, 24 * 30),
  SIGN_IN_ATTEMPTS_PER_ACCOUNT: integer(5, 1, 1000),
  SIGN_IN_ATTEMPTS_PER_IP: integer(20, 1, 10_000),
  SIGN_IN_WINDOW_SECONDS: integer(900, 60, 86_400),

  // --- Consultants' calendars ---
  CALENDAR_SYNC_MINUTES: integer(5, 1, 24 * 60),
  // Encrypts calendar passwords and feed addresses at rest: 32 random bytes, base64 or hex
  // (openssl rand -base64 32). Outside production a key derived from AUTH_SECRET stands in.
  CALENDAR_ENCRYPTION_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isCalendarKey, "32 random bytes as base64 or hex (openssl rand -base64 32)").optional(),
  ),
  // Lets calendar addresses point at this machine or a private network (tests, a CalDAV server on the LAN).
  CALENDAR_ALLOW_PRIVATE_HOSTS: z.stringbool().default(false),

  // --- Operations ---
  LOG_LEVEL: z.enum(logLevels).default("info"),
  // The bearer token Prometheus sends to GET /api/metrics (and the worker's /metrics); unset, they answer 404.
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "at least 16 characters (openssl rand -hex 32)").optional()),
  // The port `npm run worker` serves GET /metrics on, with the same token; unset, it serves nothing.
  WORKER_METRICS_PORT: z.preprocess(emptyAsUndefined, z.coerce.number({ error: "a port number, 1 to 65535" }).int().min(1).max(65_535).optional()),
});

/**
 * LOG_LEVEL alone, for the logger, which starts before (and must not depend on) the rest of the
 * configuration being valid; an unknown value falls back to info here and stops start-up in getConfig.
 */
export function logLevelFrom(env: Record<string, string | undefined>): (typeof logLevels)[number] {
  const parsed = configSchema.shape.LOG_LEVEL.safeParse(emptyAsUndefined(env.LOG_LEVEL));
  return parsed.success ? parsed.data : "info";
}

function isCalendarKey(value: string): boolean {
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return bytes.length === 32;
}

export type AppConfig = z.infer<typeof configSchema>;
export type Weekday = (typeof weekdays)[number];

export class ConfigError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    super(`Invalid configuration. Fix these environment variables:\n${lines.join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Production: a real deployment, where a missing secret or email key must stop start-up. */
export const isProduction = (config: AppConfig) => config.NODE_ENV === "production" && config.DATABASE_URL !== undefined;

/** Resend when a key is set, else the dev mailbox; EMAIL_DELIVERY says so on purpose. */
export const emailDelivery = (config: AppConfig) => config.EMAIL_DELIVERY ?? (config.RESEND_API_KEY ? "resend" : "mailbox");

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = configSchema.safeParse({ ...env, APP_URL: publicAddressSetting(env), AUTH_SECRET: env.AUTH_SECRET || env.NEXTAUTH_SECRET });
  if (!result.success) throw new ConfigError(result.error.issues);
  const config = result.data;
  const problems: Array<[keyof AppConfig, string]> = [];
  if (config.WORKING_HOURS_END <= config.WORKING_HOURS_START) problems.push(["WORKING_HOURS_END", "must be later than WORKING_HOURS_START"]);
  if (config.EMAIL_DELIVERY === "resend" && !config.RESEND_API_KEY) problems.push(["RESEND_API_KEY", "is required when EMAIL_DELIVERY=resend"]);
  if (isProduction(config)) {
    if (!config.RESEND_API_KEY && config.EMAIL_DELIVERY !== "mailbox") {
      problems.push(["RESEND_API_KEY", "is required in production (or set EMAIL_DELIVERY=mailbox to keep emails in the dev mailbox on purpose)"]);
    }
    if ((config.AUTH_SECRET?.length ?? 0) < 32) {
      problems.push(["AUTH_SECRET", "must be set to a random string of at least 32 characters in production (openssl rand -base64 32)"]);
    }
  }
  if (problems.length > 0) {
    throw new ConfigError(problems.map(([name, message]) => ({ code: "custom", path: [name], message, input: undefined })));
  }
  return config;
}

let cached: AppConfig | undefined;

/** The configuration, parsed from the environment on first use and then kept. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
