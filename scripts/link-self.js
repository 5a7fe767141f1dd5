// Makes the package reachable by its own name from node_modules. The serialized dynamic provider
// `require`s "pulumi-watson-assistant/..." at call time inside the plugin process, which resolves
// modules from the program's folder upwards; in this repository the package is not installed as a
// dependency of itself, so tests, examples and the demo need this link.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..");
const link = path.join(root, "node_modules", require(path.join(root, "package.json")).name);
if (!fs.existsSync(path.join(root, "node_modules"))) process.exit(0);
try {
  if (fs.lstatSync(link).isSymbolicLink() && fs.realpathSync(link) === root) process.exit(0);
  fs.rmSync(link, { recursive: true, force: true });
} catch { /* not there yet */ }
fs.symlinkSync(path.relative(path.dirname(link), root), link, "dir");
