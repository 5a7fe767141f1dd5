// Loaded by mocha before every test file (see .mocharc.json).
process.env.PULUMI_WATSON_TEST = "1";
