import { once } from "node:events";
import { type AddressInfo, createServer } from "node:net";

/** A 127.0.0.1 port nothing listens on right now (for servers that cannot take port 0). */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, "close");
  return port;
}
