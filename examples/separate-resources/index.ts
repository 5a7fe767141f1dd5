/**
 * A dialog skill split into resources: the Workspace owns the dialog nodes and counterexamples
 * (the collections it declares) and leaves intents and entities to separate Intent and Entity
 * resources, so that each can be changed, reviewed or owned on its own. A collection is managed one
 * way or the other, never both.
 */
import * as pulumi from "@pulumi/pulumi";
import { Entity, Intent, Workspace } from "pulumi-watson-assistant";

const config = new pulumi.Config();
const sizes = config.require("pizzaSizes").split(",").map((s) => s.trim()).filter((s) => s.length > 0);

function say(text: string): Record<string, unknown> {
    return { generic: [{ response_type: "text", values: [{ text }], selection_policy: "sequential" }] };
}

const skill = new Workspace("pizza-skill", {
    name: config.require("workspaceName"),
    description: "Takes pizza orders",
    // Owned here: the whole dialog and the counterexamples. `intents` and `entities` are not
    // declared, so this resource never sends, reads or deletes them.
    dialogNodes: [
        { dialogNode: "welcome", conditions: "welcome", output: say("Welcome to the pizza place! What would you like?") },
        {
            dialogNode: "order", title: "Order a pizza", conditions: "#order_pizza", previousSibling: "welcome",
            output: say("One <? @pizza_size ?: 'medium' ?> pizza coming up."),
        },
        { dialogNode: "hours", title: "Opening hours", conditions: "#opening_hours", previousSibling: "order", output: say("We are open from 11 am to 11 pm.") },
        { dialogNode: "anything_else", conditions: "anything_else", previousSibling: "hours", output: say("Sorry, I can only take pizza orders.") },
    ],
    counterexamples: [{ text: "what is the weather like" }],
});

const workspaceId = skill.workspaceId;

const orderPizza = new Intent("order-pizza", {
    workspaceId,
    intent: "order_pizza",
    description: "The user wants to order a pizza",
    examples: [
        { text: "I would like a large pizza", mentions: [{ entity: "pizza_size", location: [15, 20] }] },
        { text: "can I order a pizza" },
        { text: "one pizza please" },
    ],
});

const openingHours = new Intent("opening-hours", {
    workspaceId,
    intent: "opening_hours",
    examples: [{ text: "when are you open" }, { text: "what are your opening hours" }],
});

const pizzaSize = new Entity("pizza-size", {
    workspaceId,
    entity: "pizza_size",
    values: sizes.map((value) => ({ value })),
});

const topping = new Entity("topping", {
    workspaceId,
    entity: "topping",
    fuzzyMatch: true,
    values: [
        { value: "mushrooms", synonyms: ["mushroom", "champignons"] },
        { value: "olives", synonyms: ["olive"] },
        // A patterns value: matched by regular expression instead of synonyms.
        { value: "extra cheese", type: "patterns", patterns: ["(extra|double) cheese"] },
    ],
});

// A system entity: declaring it switches it on.
const numbers = new Entity("numbers", { workspaceId, entity: "sys-number" });

export const skillWorkspaceId = workspaceId;
export const intents = [orderPizza.intent, openingHours.intent];
export const entities = [pizzaSize.entity, topping.entity, numbers.entity];
