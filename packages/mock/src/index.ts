export * from "./prism-command.js";
export * from "./start-prism.js";
export * from "./wait-until-listening.js";
