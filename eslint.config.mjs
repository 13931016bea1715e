import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // The server logs through lib/log (one JSON line per event); CLI scripts print for a person.
  {
    files: ["lib/**", "app/**", "components/**", "instrumentation.ts", "proxy.ts", "scripts/serve.ts", "scripts/worker.ts"],
    ignores: ["**/*.test.ts", "**/error.tsx"],
    rules: { "no-console": "error" },
  },
  globalIgnores([".next/**", ".next-e2e/**", ".next-bench/**", ".data/**", "lib/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
