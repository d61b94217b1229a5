import { serverUrl } from "@experience-users/spec";
import { parameterExample } from "./spec-lookups.js";

/**
 * The development token every fake accepts (unless its fixture says `"devToken": false`); it has
 * every scope of every operation: `Authorization: Bearer fake-dev-token`.
 */
export const DEV_TOKEN = "fake-dev-token";

/** The spec's example application id; a fake started without a fixture has it, empty. */
export const EXAMPLE_APPLICATION_ID: string = parameterExample("applicationId");

/** The base URL of an in-process fake (any host works: the handler never looks at it). */
export const IN_PROCESS_BASE_URL = "http://fake.local";

/** The port `npm run fake` listens on unless `--port` or `PORT` say otherwise. */
export const DEFAULT_PORT = 4020;

/** The interface the HTTP mode binds unless told otherwise: loopback only. */
export const DEFAULT_HOST = "127.0.0.1";

/** Request bodies larger than this many bytes (1 MiB) are answered 413. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The spec's server URL, `https://api.losant.com`: where MSW handlers answer unless told otherwise. */
export const API_BASE_URL: string = serverUrl;
