export { createDocsServer, PAGE_FILE } from "./docs-server.js";
export {
  DEFAULT_PORT,
  type ServeDocsOptions,
  type ServedDocs,
  serveDocs,
} from "./serve-docs-page.js";
