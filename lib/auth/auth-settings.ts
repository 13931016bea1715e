import type { AppConfig } from "../config";
import type { RateLimitRule } from "../rate-limit/rate-limit";
import { getAppSecret } from "./app-secret";

export type AuthSettings = {
  secret: string;
  sessionHours: number;
  /** Failed sign-ins allowed per account and per client address, per window. */
  perAccount: RateLimitRule;
  perIp: RateLimitRule;
  /** Whether cookies are Secure and __Secure- prefixed: when the site is served over HTTPS. */
  secureCookies: boolean;
};

export function authSettingsFromConfig(config: AppConfig): AuthSettings {
  const windowSeconds = config.SIGN_IN_WINDOW_SECONDS;
  return {
    secret: getAppSecret(config),
    sessionHours: config.SESSION_HOURS,
    perAccount: { limit: config.SIGN_IN_ATTEMPTS_PER_ACCOUNT, windowSeconds },
    perIp: { limit: config.SIGN_IN_ATTEMPTS_PER_IP, windowSeconds },
    secureCookies: config.APP_URL.startsWith("https://"),
  };
}
