export {
  createNodeFetch,
  type NodeFetch,
  type NodeFetchOptions,
} from "./node/create-node-fetch.js";
export { LightHeaders } from "./node/light-headers.js";
export { LightRequest } from "./node/light-request.js";
export { LightResponse } from "./node/light-response.js";
