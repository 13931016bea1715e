import { getAppSecret } from "../auth/app-secret";
import type { AppConfig } from "../config";
import { mailbox } from "./email-address";

export type EmailSettings = {
  firm: { name: string; email: string; phone?: string; address?: string; emailFrom: string; timeZone: string; appUrl: string };
  /** Signs manage links (lib/booking/manage-token.ts). */
  secret: string;
};

export function emailSettingsFromConfig(config: AppConfig): EmailSettings {
  return {
    firm: {
      name: config.FIRM_NAME,
      email: config.FIRM_EMAIL,
      phone: config.FIRM_PHONE,
      address: config.FIRM_ADDRESS,
      emailFrom: config.EMAIL_FROM ?? mailbox(config.FIRM_NAME, config.FIRM_EMAIL),
      timeZone: config.FIRM_TIME_ZONE,
      appUrl: config.APP_URL,
    },
    secret: getAppSecret(config),
  };
}
