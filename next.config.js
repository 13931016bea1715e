/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own module; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Lets the end-to-end build live beside a running `npm start` without touching its files.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Behind nginx (npm run cluster, deploy/nginx.conf) nginx compresses; compressing twice costs
  // the instances CPU for nothing. Read when the server starts.
  // Read when the server starts; the same words as lib/config.ts's stringbool.
  compress: !/^(false|0|no|off|n|disabled)$/i.test(process.env.COMPRESS_RESPONSES ?? ""),
  // forbidden() and unauthorized(): 403 and 401 from admin pages, actions and route handlers.
  experimental: {
    authInterrupts: true,
    // The same limit as the edge's (lib/http/edge/request-guards.ts) and nginx's client_max_body_size.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
  async headers() {
    // Leads are personal data: no shared cache may keep an admin response.
    return [{ source: "/admin/:path*", headers: [{ key: "Cache-Control", value: "private, no-store" }] }];
  },
  reactStrictMode: true,
};

export default nextConfig;
