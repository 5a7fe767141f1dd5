import { startEmulator } from "../../emulator";
import { workspaceContent, LARGE } from "../workload";
import { largeWorkspaceEdits } from "../edits";
import { runWorkspaceScenarios } from "../workspace-scenarios";
(async () => {
  const t0 = Date.now();
  const emu = await startEmulator({ port: 0, auth: "none", asyncDelayMs: 0, latencyMs: Number(process.env.LAT ?? 0) });
  const w = workspaceContent(LARGE);
  console.error("gen", Date.now() - t0, Buffer.byteLength(JSON.stringify(w)));
  const r = await runWorkspaceScenarios(emu, w, largeWorkspaceEdits(20, 50), (m) => console.error(m));
  for (const s of [r.create, ...r.edits]) console.error(s.key, JSON.stringify({ check: s.ours.checkCpuMs, diff: s.ours.diffCpuMs, routes: s.ours.byRoute }));
  console.error("total", Date.now() - t0, process.resourceUsage().maxRSS / 1024);
  await emu.stop();
})().catch((e) => { console.error(e); process.exit(1); });
