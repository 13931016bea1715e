// Rail: the end-to-end tests write leads and bookings, so they refuse any database but a local one.
export default function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`The end-to-end tests only run against a local database; DATABASE_URL points at ${host}.`);
  }
}
