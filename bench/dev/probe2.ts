import { startEmulator } from "../../emulator";
import { workspaceContent, LARGE } from "../workload";
import { workspaceThroughPlugin, intentResources } from "../harness-scenarios";
(async () => {
  const t0 = Date.now();
  const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, rateLimits: true });
  const r = await workspaceThroughPlugin(emu, workspaceContent(LARGE), (m) => console.error(m));
  console.error(JSON.stringify({ rss: r.pluginPeakRssMb, state: r.state }), Date.now() - t0);
  const i = await intentResources(emu, { label: "documented", count: 1000, examplesPerIntent: 20, editOne: true }, (m) => console.error(m));
  console.error(JSON.stringify({ create: i.create, state: i.state, edit: i.oneIntentEdit }), Date.now() - t0);
  await emu.stop();
})().catch((e) => { console.error(e, e.pluginStderr); process.exit(1); });
