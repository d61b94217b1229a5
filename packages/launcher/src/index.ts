export { type ServeAllOptions, type ServedAll, type ServiceName, serveAll } from "./serve-all.js";
