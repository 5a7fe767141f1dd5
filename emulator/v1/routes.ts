/**
 * The v1 authoring routes with their documented rate limits (shared/api/assistant-v1.md §4, §5,
 * §10): whole-workspace writes 30 / 30 min, element reads 6000 / 5 min, element writes
 * 500-2000 / 30 min depending on the element.
 */
import type { Handler, HttpMethod, RouteDef } from "../core/types";
import * as counterexamples from "./counterexamples";
import * as dialogNodes from "./dialog-nodes";
import * as entities from "./entities";
import * as intents from "./intents";
import * as workspaces from "./workspaces";

const HALF_HOUR = 1800;
const FIVE_MINUTES = 300;

function route(method: HttpMethod, template: string, handler: Handler, limit: number, windowSeconds = HALF_HOUR): RouteDef {
    return { method, template, handler, mutates: method !== "GET", rateLimit: { limit, windowSeconds } };
}

const WS = "/v1/workspaces/{workspace_id}";
const INTENT = `${WS}/intents/{intent}`;
const ENTITY = `${WS}/entities/{entity}`;
const VALUE = `${ENTITY}/values/{value}`;

export const v1Routes: RouteDef[] = [
    route("GET", "/v1/workspaces", workspaces.listWorkspaces, 500),
    route("POST", "/v1/workspaces", workspaces.createWorkspace, 30),
    // export=true is documented at 20 / 30 min; the route-level limit is the plain read's.
    route("GET", WS, workspaces.getWorkspace, 6000, FIVE_MINUTES),
    route("POST", WS, workspaces.updateWorkspace, 30),
    route("DELETE", WS, workspaces.deleteWorkspace, 30),

    route("GET", `${WS}/intents`, intents.listIntents, 2000),
    route("POST", `${WS}/intents`, intents.createIntent, 2000),
    route("GET", INTENT, intents.getIntent, 6000, FIVE_MINUTES),
    route("POST", INTENT, intents.updateIntent, 2000),
    route("DELETE", INTENT, intents.deleteIntent, 2000),

    route("GET", `${INTENT}/examples`, intents.listExamples, 2500),
    route("POST", `${INTENT}/examples`, intents.createExample, 1000),
    route("GET", `${INTENT}/examples/{text}`, intents.getExample, 6000, FIVE_MINUTES),
    route("POST", `${INTENT}/examples/{text}`, intents.updateExample, 1000),
    route("DELETE", `${INTENT}/examples/{text}`, intents.deleteExample, 1000),

    route("GET", `${WS}/counterexamples`, counterexamples.listCounterexamples, 2500),
    route("POST", `${WS}/counterexamples`, counterexamples.createCounterexample, 1000),
    route("GET", `${WS}/counterexamples/{text}`, counterexamples.getCounterexample, 6000, FIVE_MINUTES),
    route("POST", `${WS}/counterexamples/{text}`, counterexamples.updateCounterexample, 1000),
    route("DELETE", `${WS}/counterexamples/{text}`, counterexamples.deleteCounterexample, 1000),

    route("GET", `${WS}/entities`, entities.listEntities, 1000),
    route("POST", `${WS}/entities`, entities.createEntity, 1000),
    route("GET", ENTITY, entities.getEntity, 6000, FIVE_MINUTES),
    route("POST", ENTITY, entities.updateEntity, 1000),
    route("DELETE", ENTITY, entities.deleteEntity, 1000),

    route("GET", `${ENTITY}/values`, entities.listValues, 2500),
    route("POST", `${ENTITY}/values`, entities.createValue, 1000),
    route("GET", VALUE, entities.getValue, 6000, FIVE_MINUTES),
    route("POST", VALUE, entities.updateValue, 1000),
    route("DELETE", VALUE, entities.deleteValue, 1000),

    route("GET", `${VALUE}/synonyms`, entities.listSynonyms, 2500),
    route("POST", `${VALUE}/synonyms`, entities.createSynonym, 1000),
    route("GET", `${VALUE}/synonyms/{synonym}`, entities.getSynonym, 6000, FIVE_MINUTES),
    route("POST", `${VALUE}/synonyms/{synonym}`, entities.updateSynonym, 1000),
    route("DELETE", `${VALUE}/synonyms/{synonym}`, entities.deleteSynonym, 1000),

    route("GET", `${WS}/dialog_nodes`, dialogNodes.listDialogNodes, 2500),
    route("POST", `${WS}/dialog_nodes`, dialogNodes.createDialogNode, 500),
    route("GET", `${WS}/dialog_nodes/{dialog_node}`, dialogNodes.getDialogNode, 6000, FIVE_MINUTES),
    route("POST", `${WS}/dialog_nodes/{dialog_node}`, dialogNodes.updateDialogNode, 500),
    route("DELETE", `${WS}/dialog_nodes/{dialog_node}`, dialogNodes.deleteDialogNode, 500),
];
