/** The dialog skill's content: a few intents and entities and a small dialog. */
export const intents = [
    {
        intent: "hello",
        description: "The user greets the assistant",
        examples: [{ text: "hello" }, { text: "hi there" }, { text: "good morning" }],
    },
    {
        intent: "order_status",
        description: "The user asks where an order is",
        examples: [{ text: "where is my order" }, { text: "track my package" }, { text: "has my order shipped yet" }],
    },
    {
        intent: "goodbye",
        description: "The user ends the conversation",
        examples: [{ text: "bye" }, { text: "see you later" }, { text: "thanks, that is all" }],
    },
];

export const entities = [
    {
        entity: "shipping_method",
        values: [
            { value: "standard", synonyms: ["regular", "normal"] },
            { value: "express", synonyms: ["fast", "overnight", "next day"] },
        ],
    },
    // A system entity: declaring it (without values) switches it on.
    { entity: "sys-number" },
];

function say(text: string): Record<string, unknown> {
    return { generic: [{ response_type: "text", values: [{ text }], selection_policy: "sequential" }] };
}

/** Root nodes in order; `greeting` is the first thing the assistant says. */
export function dialogNodes(greeting: string) {
    return [
        { dialogNode: "welcome", title: "Welcome", conditions: "welcome", output: say(greeting) },
        {
            dialogNode: "order_status", title: "Order status", conditions: "#order_status", previousSibling: "welcome",
            output: say("Your order is on its way. Standard shipping takes 3 to 5 days, express shipping one day."),
        },
        { dialogNode: "goodbye", title: "Goodbye", conditions: "#goodbye", previousSibling: "order_status", output: say("Goodbye, and thanks for your order!") },
        {
            dialogNode: "anything_else", title: "Anything else", conditions: "anything_else", previousSibling: "goodbye",
            output: say("Sorry, I did not get that. You can ask me where your order is."),
        },
    ];
}
