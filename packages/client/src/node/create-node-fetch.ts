import http from "node:http";
import https from "node:https";
import { LightRequest, NO_SIGNAL } from "./light-request.js";
import { LightResponse } from "./light-response.js";

/** Options of {@link createNodeFetch}. */
export interface NodeFetchOptions {
  /** Keep connections open between calls. Default true. */
  keepAlive?: boolean;
  /** Most sockets per host. Default 64. */
  maxSockets?: number;
  /** Largest body accepted, in bytes; a larger answer rejects with a RangeError. Default 64 MiB. */
  maxBodySize?: number;
  /** Agents to use instead of the keep-alive ones this function creates. */
  agents?: { http?: http.Agent; https?: https.Agent };
}

/**
 * A `fetch` for the client's `fetch` option. It answers with {@link LightResponse}s, which offer
 * the Response members (status, ok, headers, text/json/arrayBuffer/bytes/blob, body, clone) but
 * are not `instanceof Response`. `close()` frees its sockets.
 */
export interface NodeFetch {
  (request: Request | LightRequest): Promise<Response>;
  close(): void;
  /** The light Request class the client builds its requests with when given this fetch. */
  readonly Request: typeof LightRequest;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

async function bodyOf(request: Request | LightRequest): Promise<Buffer | undefined> {
  if (request instanceof LightRequest)
    return request.bodyText === null ? undefined : Buffer.from(request.bodyText);
  return request.body === null ? undefined : Buffer.from(await request.arrayBuffer());
}

/**
 * A fetch for Node built on `node:http`/`node:https` with keep-alive agents, for the client's
 * `fetch` option. Node 20's built-in fetch (undici) costs more per call than plain `node:http`
 * for small JSON answers; `npm run bench` measures the difference side by side. Honours
 * `request.signal` and buffers each answer (up to `maxBodySize`).
 *
 * @example
 * const client = createClient({ token, fetch: createNodeFetch() });
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const keepAlive = options.keepAlive ?? true;
  const maxSockets = options.maxSockets ?? 64;
  const maxBodySize = options.maxBodySize ?? 64 * 1024 * 1024;
  const httpAgent = options.agents?.http ?? new http.Agent({ keepAlive, maxSockets });
  const httpsAgent = options.agents?.https ?? new https.Agent({ keepAlive, maxSockets });

  const nodeFetch = async (request: Request | LightRequest): Promise<Response> => {
    const url = new URL(request.url);
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:")
      throw new TypeError(`unsupported protocol ${url.protocol}`);
    const body = await bodyOf(request);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    if (body !== undefined) headers["content-length"] = String(body.length);
    return new Promise<Response>((resolve, reject) => {
      const req = (secure ? https : http).request(
        url,
        {
          method: request.method,
          headers,
          agent: secure ? httpsAgent : httpAgent,
          signal: request.signal === NO_SIGNAL ? undefined : request.signal,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBodySize) {
              reject(new RangeError(`answer body over ${maxBodySize} bytes`));
              res.destroy();
              return;
            }
            chunks.push(chunk);
          });
          res.on("error", reject);
          res.on("aborted", () =>
            reject(new Error("the connection closed before the answer ended")),
          );
          res.on("end", () => {
            try {
              const status = res.statusCode ?? 0;
              const responseHeaders = new Headers();
              for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
                responseHeaders.append(
                  res.rawHeaders[i] as string,
                  res.rawHeaders[i + 1] as string,
                );
              }
              const payload = NULL_BODY_STATUSES.has(status) ? null : Buffer.concat(chunks, size);
              const init = {
                status,
                statusText: res.statusMessage ?? "",
                headers: responseHeaders,
                url: request.url,
              };
              resolve(new LightResponse(payload, init) as unknown as Response);
            } catch (error) {
              reject(error);
            }
          });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };

  return Object.assign(nodeFetch, {
    Request: LightRequest,
    close() {
      if (!options.agents?.http) httpAgent.destroy();
      if (!options.agents?.https) httpsAgent.destroy();
    },
  });
}
