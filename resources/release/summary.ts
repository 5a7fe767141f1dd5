/** The Release's plan summary: releases are immutable, so a change of content cuts a new one. */
import type { SummaryShape } from "../../provider/change-summary/shape";
import type { ReleaseInputs } from "./spec";

const RELEASES = "/v2/assistants/{assistant_id}/releases";
// The create lists the releases first: one an interrupted run of this resource cut is taken over.
const PUBLISHING = [`GET ${RELEASES} (a release of an interrupted run is taken over)`, `POST ${RELEASES}`, `then GET ${RELEASES}/{release} until Available`];

export const releaseSummary: SummaryShape<ReleaseInputs> = {
    title: (inputs) => (inputs.description === undefined ? "Release" : `Release ${JSON.stringify(inputs.description)}`),
    shown: ["assistantId", "deleteWhenDeployed"],
    ignored: ["waitTimeoutSeconds"],
    calls: (change) => {
        if (change.action === "create") return PUBLISHING;
        if (change.action === "replace") return [...PUBLISHING, `the replaced release: DELETE ${RELEASES}/{release} (none with retainOnDelete)`];
        return [];
    },
};
