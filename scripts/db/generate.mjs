// Runs `prisma generate` offline. The CLI insists on a native schema engine it would download;
// generating the client never calls it, so an empty stand-in satisfies the check.
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const standIn = path.join(tmpdir(), "prisma-schema-engine-stand-in");
writeFileSync(standIn, "#!/bin/sh\nexit 0\n");
chmodSync(standIn, 0o755);

const result = spawnSync("npx", ["--no-install", "prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: standIn,
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
