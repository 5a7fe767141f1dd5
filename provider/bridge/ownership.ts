/**
 * Who owns an object: the stack resource that created or adopted it, named
 * `<project>/<stack>/<resource name>` from its URN (the hidden input `__urn`): check derives it, and
 * a resource keeps it in its state (the hidden input and output `__owner`) and passes it to the spec as `ctx.owner`, which marks
 * the objects it creates or adopts where the API has room for it (workspace metadata), refuses to
 * adopt an object marked for another owner unless told to take it over, and never deletes one.
 */

/** Hidden output: the owner of the resource's object. */
export const OWNER_KEY = "__owner";

/** `<project>/<stack>/<name>` of a URN (`urn:pulumi:<stack>::<project>::<type>::<name>`); undefined without one. */
export function ownerOf(urn: unknown): string | undefined {
    if (typeof urn !== "string" || !urn.startsWith("urn:pulumi:")) return undefined;
    const parts = urn.slice("urn:pulumi:".length).split("::");
    if (parts.length < 4) return undefined;
    return `${parts[1]}/${parts[0]}/${parts[parts.length - 1]}`;
}

/** The error of an object that another stack owns: names the owner and the way to take it over. */
export class OwnedElsewhereError extends Error {
    constructor(what: string, readonly owner: string, takeOverInput: string) {
        super(`${what} is owned by ${owner} (another stack or resource; its mark is on the object). ` +
            `Set \`${takeOverInput}: true\` on this resource to take it over; the other stack then stops managing it.`);
        this.name = "OwnedElsewhereError";
    }
}
