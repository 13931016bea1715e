import { parseArgs } from "node:util";
import { getAppSecret } from "../lib/auth/app-secret";
import { getConfig } from "../lib/config";
import { configuredDatabase } from "../lib/db/database";
import { DataDirLockedError } from "../lib/db/data-dir-lock";
import { openDatabase } from "../lib/db/open-database";
import { latestMailboxMessages, mailboxReadKey, type MailboxListing } from "../lib/email/latest-mailbox-messages";

// npm run mailbox [-- --limit 5]: the dev mailbox's latest emails (recipient, subject, text).
// Reads the database directly; an embedded one that the running app holds, through the app.
const { values } = parseArgs({ options: { limit: { type: "string", default: "5" } } });
const limit = Math.max(1, Math.min(100, Number(values.limit) || 5));
const config = getConfig();

async function fromDatabase(): Promise<MailboxListing> {
  const database = openDatabase(configuredDatabase(config));
  try {
    if (database.kind === "embedded") await database.migrate();
    return await latestMailboxMessages(database.prisma, limit);
  } finally {
    await database.close();
  }
}

async function fromRunningApp(): Promise<MailboxListing> {
  const response = await fetch(`${config.APP_URL}/api/dev/mailbox?limit=${limit}`, {
    headers: { authorization: `Bearer ${mailboxReadKey(getAppSecret(config))}` },
  }).catch((error: Error) => {
    throw new Error(`the embedded database is in use, and the app at ${config.APP_URL} did not answer (${error.message})`);
  });
  if (!response.ok) throw new Error(`the app at ${config.APP_URL} answered ${response.status}: is it sending through Resend rather than the mailbox?`);
  return (await response.json()) as MailboxListing;
}

try {
  const messages = await fromDatabase().catch((error: unknown) => {
    if (error instanceof DataDirLockedError) return fromRunningApp();
    throw error;
  });
  if (messages.length === 0) console.log("The dev mailbox is empty.");
  for (const message of messages.reverse()) {
    console.log(`\n${"=".repeat(72)}\n${message.createdAt}  to ${message.to.join(", ")}\nSubject: ${message.subject}`);
    if (message.attachments.length > 0) console.log(`Attached: ${message.attachments.join(", ")}`);
    console.log(`${"-".repeat(72)}\n${message.text.trim()}`);
  }
} catch (error) {
  console.error(`npm run mailbox: ${(error as Error).message}`);
  process.exit(1);
}
