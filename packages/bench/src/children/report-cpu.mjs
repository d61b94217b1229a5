// Imported by server children: answers each message on the IPC channel with this process's CPU
// time so far (startServerChild's cpuUsage()), so that a pair can measure the server's own cost.
if (process.send) process.on("message", () => process.send(process.cpuUsage()));
