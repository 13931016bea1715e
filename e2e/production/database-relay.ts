import { connect, createServer, type Server, type Socket } from "node:net";

/**
 * What the relay does while the database is "gone": `refuse` stops listening (new connections are
 * refused, as when PostgreSQL is down), `black-hole` accepts them and never answers (as when a
 * firewall or a dead host swallows the packets). Either way, every open connection is cut first,
 * as a restart of PostgreSQL does.
 */
export type RelayOutage = "refuse" | "black-hole";

export type DatabaseRelay = {
  /** `databaseUrl` with its host and port changed to the relay's. */
  url: string;
  /** Connections currently passed through to PostgreSQL. */
  openConnections: () => number;
  cut: (how: RelayOutage) => Promise<void>;
  restore: () => Promise<void>;
  close: () => Promise<void>;
};

/** A TCP relay on 127.0.0.1:`port` in front of the PostgreSQL at `databaseUrl`, which a test can cut and restore. */
export async function startDatabaseRelay(databaseUrl: string, port: number): Promise<DatabaseRelay> {
  const target = new URL(databaseUrl);
  const upstream = { host: target.hostname, port: Number(target.port || 5432) };
  const pairs = new Set<[Socket, Socket]>();
  const swallowed = new Set<Socket>();
  let outage: RelayOutage | undefined;

  const server: Server = createServer((client) => {
    if (outage === "black-hole") {
      swallowed.add(client);
      client.on("error", () => {});
      client.once("close", () => swallowed.delete(client));
      return;
    }
    const database = connect(upstream);
    const pair: [Socket, Socket] = [client, database];
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      database.destroy();
    };
    for (const socket of pair) {
      socket.on("error", end);
      socket.once("close", end);
    }
    client.pipe(database);
    database.pipe(client);
  });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const cutOpen = () => {
    for (const socket of swallowed) socket.destroy();
    swallowed.clear();
    for (const [client, database] of pairs) {
      // A reset rather than a polite close: what a client sees when the server process goes away.
      client.resetAndDestroy();
      database.destroy();
    }
    pairs.clear();
  };

  await listen();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    url: url.toString(),
    openConnections: () => pairs.size,
    async cut(how) {
      outage = how;
      if (how === "refuse") await Promise.all([stopListening(), Promise.resolve(cutOpen())]);
      else cutOpen();
    },
    async restore() {
      outage = undefined;
      cutOpen();
      if (!server.listening) await listen();
    },
    async close() {
      outage = "refuse";
      cutOpen();
      await stopListening();
    },
  };
}
