import type { SerializedFakeResendEmail } from "../lib/email/fake-resend-server";

// The emails the app sent through the fake Resend server that Playwright starts beside it.
const fakeResendUrl = `http://127.0.0.1:${process.env.E2E_RESEND_PORT ?? 3199}`;

export type CapturedEmail = SerializedFakeResendEmail;

/** Waits until `count` emails to `recipient` matching `subject` have arrived, and returns them in order. */
export async function emailsTo(recipient: string, { count = 1, subject = /./, timeoutMs = 20_000 } = {}): Promise<CapturedEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${fakeResendUrl}/_fake/emails`);
    const all = (await response.json()) as CapturedEmail[];
    const matching = all.filter((email) => email.to.includes(recipient) && subject.test(email.subject));
    if (matching.length >= count) return matching;
    if (Date.now() > deadline) {
      throw new Error(`waited ${timeoutMs} ms for ${count} email(s) to ${recipient} matching ${subject}; got ${matching.length}: ${matching.map((email) => email.subject).join(" | ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const attachment = (email: CapturedEmail, filename: string) => {
  const found = email.attachments.find((item) => item.filename === filename);
  if (!found) throw new Error(`no ${filename} on "${email.subject}"`);
  return { ...found, text: Buffer.from(found.content, "base64").toString("utf8") };
};
