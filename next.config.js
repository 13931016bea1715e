/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files relative to its own module; bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite"],
  // Lets the end-to-end build live beside a running `npm start` without touching its files.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
