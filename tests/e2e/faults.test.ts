/**
 * The quick start and the GitOps example through the real Pulumi CLI while the emulator fails 20% of
 * requests (429, 500, 503, connection resets before and after the change is committed): every
 * `pulumi up` converges, nothing is duplicated, and the service ends up holding exactly what was
 * declared. Figures go to RELIABILITY.md (suite "faults-cli").
 */
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { ServiceView } from "../../scripts/demo/service";
import { faultyRunner } from "../reliability/support/faults";
import { recordFigures } from "../reliability/support/figures";
import { expectGitopsService, GITOPS_CONTENT, GITOPS_DIR } from "../reliability/support/gitops";
import { EmulatorClient } from "../../drivers/emulator-client";
import { cliFixture, describeWithCli, REPO_ROOT, type CliFixture } from "./support";

const SEEDS = [1, 2, 3, 4, 5];
const NEW_GREETING = "A greeting changed under faults";
/** Enough retries for a 20% fault rate; the quick start's project defaults do the rest. */
const RETRIES = { "watson-assistant:maxRetries": "8" };

describeWithCli("Faults through the Pulumi CLI (20% of requests fail)", (cli) => {
    const totals: Record<string, number> = {};
    let runs = 0;
    after(() => {
        if (runs === SEEDS.length * 2) recordFigures("faults-cli", { runs, ...totals });
    });

    for (const seed of SEEDS) {
        it(`seed ${seed}: the quick start deploys, takes a content change and is destroyed, with no duplicate and exactly the declared content`, async () => {
            const fx = await cliFixture(cli, REPO_ROOT, { entries: ["Pulumi.yaml", "quickstart"] });
            try {
                const faulty = faultyRunner(() => fx.emu, totals, { cliRuns: 1 });
                const service = new ServiceView(fx.emu.url);
                const stack = await fx.newStack("dev", RETRIES);
                await faulty(seed, 1, () => stack.up());
                await stack.setConfig("greeting", NEW_GREETING);
                await faulty(seed, 2, () => stack.up());
                const { assistantId, dialogSkillWorkspaceId } = await stack.outputs() as Record<string, string>;
                expect(await service.counts()).to.deep.equal({ assistants: 1, workspaces: 1 });
                expect(await service.releaseNumbers(assistantId)).to.deep.equal(["1", "2"]);
                expect((await service.environmentReleases(assistantId)).live).to.equal("2");
                expect(await service.nodeText(dialogSkillWorkspaceId, "welcome")).to.equal(NEW_GREETING);
                await faulty(seed, 3, () => stack.destroy());
                expect(await service.counts()).to.deep.equal({ assistants: 0, workspaces: 0 });
                runs++;
            } finally {
                await fx.close();
            }
        });

        it(`seed ${seed}: the GitOps example's dev, staging and prod stacks deploy release 1 exactly once`, async () => {
            const fx = await cliFixture(cli, GITOPS_DIR);
            try {
                const faulty = faultyRunner(() => fx.emu, totals, { cliRuns: 1 });
                const stacks = { dev: await fx.newStack("dev", RETRIES), staging: await fx.newStack("staging", RETRIES), prod: await fx.newStack("prod", RETRIES) };
                await faulty(seed, 4, () => stacks.dev.up());
                const { assistantId } = await stacks.dev.outputs() as Record<string, string>;
                const service = new EmulatorClient(fx.emu.url);
                await service.admin(`/emulator/assistants/${assistantId}/environments`, { name: "staging" });
                await faulty(seed, 5, () => stacks.staging.up());
                await faulty(seed, 6, () => stacks.prod.up());
                const content = JSON.parse(fs.readFileSync(path.join(fx.projectDir, "content/actions.json"), "utf8"));
                expect(content).to.deep.equal(GITOPS_CONTENT);
                await expectGitopsService(service, { assistantName: "GitOps demo", content, releases: ["1"], environments: { draft: undefined, live: "1", staging: "1" } });
                runs++;
            } finally {
                await fx.close();
            }
        });
    }
});
