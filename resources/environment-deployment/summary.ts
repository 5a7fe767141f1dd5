/** The EnvironmentDeployment's plan summary: which release the environment will run, and its settings. */
import type { SummaryShape } from "../../provider/change-summary/shape";
import type { EnvironmentDeploymentInputs } from "./spec";
import { SETTING_NAMES } from "./settings";

const ASSISTANT = "/v2/assistants/{assistant_id}";
const DEPLOY = `POST ${ASSISTANT}/releases/{release}/deploy`;
const SETTINGS = `POST ${ASSISTANT}/environments/{environment_id}`;

export const environmentDeploymentSummary: SummaryShape<EnvironmentDeploymentInputs> = {
    title: (inputs) => `EnvironmentDeployment ${inputs.environment ?? inputs.environmentId}`,
    shown: ["assistantId", "environment", "environmentId", "release", "sessionTimeout"],
    fields: { skillReferences: { noun: "skill reference", key: (r: { skillId: string }) => r.skillId, keyProperty: "skillId", named: true } },
    calls: (change) => {
        const settings = SETTING_NAMES.some((s) => change.news[s] !== undefined && (change.action !== "update" || change.changed.includes(s)));
        const deploy = change.action !== "update" || change.changed.includes("release");
        return [
            ...(change.action === "update" ? [] : [`GET ${ASSISTANT}/environments`]),
            ...(deploy ? [DEPLOY] : []),
            ...(settings ? [SETTINGS] : []),
        ];
    },
};
