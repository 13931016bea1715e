import { parseArgs } from "node:util";
import { startFakeResend } from "../lib/email/fake-resend-server";

// tsx scripts/fake-resend.ts [--port 3199] [--host 127.0.0.1]: a local server that answers like
// Resend's API (see lib/email/fake-resend-server.ts), for end-to-end tests and benchmarks.
const { values } = parseArgs({ options: { port: { type: "string", default: "3199" }, host: { type: "string", default: "127.0.0.1" } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port expects a port number from 0 to 65535, got "${values.port}"`);
  process.exit(2);
}

try {
  const fake = await startFakeResend({ port, host: values.host });
  console.log(`fake resend listening on ${fake.url}`);
  const stop = () => {
    fake.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`fake resend: closing failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
} catch (error) {
  console.error(`fake resend could not listen on ${values.host}:${port}: ${(error as Error).message}`);
  process.exit(1);
}
