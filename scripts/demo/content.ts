/** The greeting the demo's content-change stage sets (tests/e2e/quickstart.test.ts makes the same change). */
export const NEW_GREETING = "Hi! Ask me where your order is, or say bye when you are done.";
