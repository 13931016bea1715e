import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { AccountError, createAccount, disableAccount, setPassword } from "../lib/auth/accounts";
import { getConfig } from "../lib/config";
import { configuredDatabase } from "../lib/db/database";
import { DataDirLockedError } from "../lib/db/data-dir-lock";
import { openDatabase } from "../lib/db/open-database";

// npm run user:create -- --email a@b.c --role admin|staff [--name "…"] [--password "…"]
// npm run user:disable -- --email a@b.c
// npm run user:password -- --email a@b.c [--password "…"]
// Without --password, a strong one is generated and printed once.
const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { email: { type: "string" }, role: { type: "string", default: "staff" }, name: { type: "string" }, password: { type: "string" } },
});
if (!values.email) {
  console.error(`--email is required: npm run user:${command} -- --email someone@example.com`);
  process.exit(2);
}

let database: ReturnType<typeof openDatabase> | undefined;
try {
  database = openDatabase(configuredDatabase(getConfig()));
  await database.migrate();
  if (command === "create") {
    const account = await createAccount(database.prisma, { email: values.email, name: values.name, role: values.role.toUpperCase() as "ADMIN" | "STAFF", password: values.password });
    console.log(`Created ${account.role} ${account.email}.`);
    if (account.generated) console.log(`Password (shown once): ${account.password}`);
  } else if (command === "disable") {
    await disableAccount(database.prisma, values.email);
    console.log(`Disabled ${values.email}; its sessions have ended.`);
  } else if (command === "password") {
    const result = await setPassword(database.prisma, values.email, values.password);
    console.log(`New password set for ${values.email}; its sessions have ended.`);
    if (result.generated) console.log(`Password (shown once): ${result.password}`);
  } else {
    console.error(`Unknown command "${command}": create, disable or password.`);
    process.exitCode = 2;
  }
} catch (error) {
  if (error instanceof ZodError) console.error(error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"));
  else if (error instanceof AccountError || error instanceof DataDirLockedError) console.error(error.message);
  else throw error;
  process.exitCode = 1;
} finally {
  await database?.close();
}
