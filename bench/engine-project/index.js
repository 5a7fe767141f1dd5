// Staged at <repo>/.tmp/e2e/<name>/ by the bench: the compiled program is three folders up.
require("../../../dist/bench/engine/program").main();
