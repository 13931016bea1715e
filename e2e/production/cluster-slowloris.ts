import { connect, type Socket } from "node:net";

// Slowloris: connections that send a request's headers a byte every few seconds and never finish
// them, each holding a socket as long as the server lets it.

export type SlowClients = {
  /** How many are still open. */
  open: () => number;
  /** Resolves once the server has closed every one (we never do), with how many got an answer first. */
  allClosed: Promise<{ answered: number }>;
  /** Ends the ones still open (the test's clean-up). */
  destroy: () => void;
};

export async function slowClients(port: number, count: number, dripEveryMs: number): Promise<SlowClients> {
  const sockets: Socket[] = [];
  let answered = 0;
  const closes: Promise<void>[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, index) =>
      new Promise<void>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        sockets.push(socket);
        socket.on("error", () => {});
        socket.on("data", () => answered++);
        closes.push(new Promise((closed) => socket.once("close", () => closed())));
        socket.once("connect", () => {
          socket.write(`GET /book HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow-${index}: `);
          const drip = setInterval(() => (socket.destroyed ? clearInterval(drip) : socket.write("a")), dripEveryMs);
          socket.once("close", () => clearInterval(drip));
          resolve();
        });
        socket.once("error", reject);
      }),
    ),
  );
  return {
    open: () => sockets.filter((socket) => !socket.destroyed && !socket.readableEnded).length,
    allClosed: Promise.all(closes).then(() => ({ answered })),
    destroy: () => sockets.forEach((socket) => socket.destroy()),
  };
}
