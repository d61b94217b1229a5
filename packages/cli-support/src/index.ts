export { runServerCommand, type ServerCommand } from "./run-server-command.js";
