import { runKeysCommand } from "./keys/keys-command.js";

// The only file that reads process.env and argv for the keys command; everything else takes them as arguments.
runKeysCommand(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
