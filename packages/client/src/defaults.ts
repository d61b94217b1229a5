/** The Losant API. */
export const DEFAULT_BASE_URL = "https://api.losant.com";
/** Milliseconds a call may take, retries included, unless `timeout` says otherwise. */
export const DEFAULT_TIMEOUT = 30_000;
/** The `Accept-Version` Losant's official clients send, and so this one unless told otherwise. */
export const DEFAULT_ACCEPT_VERSION = "^1.20.1";
