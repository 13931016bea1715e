import { describe, expect, it } from "vitest";
import { ConfigError, logLevelFrom, parseConfig } from "./config";

describe("configuration from the environment", () => {
  it("runs with nothing set: embedded database, the firm's defaults", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      APP_URL: "http://localhost:3000",
      FIRM_NAME: "SmallBusiness.Management",
      FIRM_TIME_ZONE: "America/New_York",
      WORKING_DAYS: ["mon", "tue", "wed", "thu", "fri"],
      WORKING_HOURS_START: "09:00",
      WORKING_HOURS_END: "17:00",
      CONSULTATION_MINUTES: 30,
      MIN_NOTICE_HOURS: 24,
      BOOKING_HORIZON_DAYS: 30,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("takes the public address from PORT when APP_URL is unset, and APP_URL when it is set", () => {
    expect(parseConfig({ PORT: "4100" }).APP_URL).toBe("http://localhost:4100");
    expect(parseConfig({ PORT: "4100", APP_URL: "https://example.com" }).APP_URL).toBe("https://example.com");
  });

  it("reads numbers, lists and switches from their string form", () => {
    const config = parseConfig({ CONSULTATION_MINUTES: "45", WORKING_DAYS: "Mon, Wed", MIGRATE_ON_START: "false", APP_URL: "https://example.com/" });
    expect(config).toMatchObject({ CONSULTATION_MINUTES: 45, WORKING_DAYS: ["mon", "wed"], MIGRATE_ON_START: false, APP_URL: "https://example.com" });
  });

  it("reads LOG_LEVEL and METRICS_TOKEN, refusing an unknown level and a short token", () => {
    expect(parseConfig({}).LOG_LEVEL).toBe("info");
    expect(parseConfig({ LOG_LEVEL: "debug", METRICS_TOKEN: "0123456789abcdef" })).toMatchObject({ LOG_LEVEL: "debug", METRICS_TOKEN: "0123456789abcdef" });
    expect(() => parseConfig({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
    expect(() => parseConfig({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN: at least 16 characters/);
    // The logger's own reading never throws: start-up reports the bad value.
    expect(logLevelFrom({ LOG_LEVEL: "loud" })).toBe("info");
    expect(logLevelFrom({ LOG_LEVEL: "warn" })).toBe("warn");
  });

  it("reads WORKER_METRICS_PORT as a port number, unset by default", () => {
    expect(parseConfig({}).WORKER_METRICS_PORT).toBeUndefined();
    expect(parseConfig({ WORKER_METRICS_PORT: "" }).WORKER_METRICS_PORT).toBeUndefined();
    expect(parseConfig({ WORKER_METRICS_PORT: "9464" }).WORKER_METRICS_PORT).toBe(9464);
    for (const value of ["0", "65536", "9464.5", "metrics"]) {
      expect(() => parseConfig({ WORKER_METRICS_PORT: value }), value).toThrow(/WORKER_METRICS_PORT: a port number/);
    }
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseConfig({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["APP_URL", "not a url", "an absolute http(s) URL"],
    ["DATABASE_URL", "mysql://localhost/db", "a postgres:// connection URL"],
    ["FIRM_TIME_ZONE", "Mars/Olympus_Mons", "an IANA time zone"],
    ["WORKING_HOURS_START", "9am", "HH:MM"],
    ["CONSULTATION_MINUTES", "0", "CONSULTATION_MINUTES"],
    ["WORKING_DAYS", "mon,funday", "WORKING_DAYS"],
    ["FIRM_EMAIL", "nobody", "FIRM_EMAIL"],
  ])("stops on a malformed %s, naming it and what it expects", (name, value, expected) => {
    const attempt = () => parseConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`${name}[^\\n]*: `));
    expect(attempt).toThrow(expected);
  });

  it("refuses working hours that end before they start", () => {
    expect(() => parseConfig({ WORKING_HOURS_START: "17:00", WORKING_HOURS_END: "09:00" })).toThrow(/WORKING_HOURS_END: must be later/);
  });
});
