/**
 * Whether live JSON carries everything declared. The service adds fields (defaults, timestamps,
 * generated ids) to free-form content it returns; drift is only what differs from the declaration.
 * Arrays must have the same length; their elements match in any order.
 */
export function containsDeclared(live: unknown, declared: unknown): boolean {
    if (declared === null || typeof declared !== "object") return live === declared;
    if (Array.isArray(declared)) {
        if (!Array.isArray(live) || live.length !== declared.length) return false;
        const unmatched = [...live];
        return declared.every((element, index) => {
            // Fast path: same position (the usual case), then anywhere.
            const at = containsDeclared(unmatched[index], element) ? index : unmatched.findIndex((candidate) => containsDeclared(candidate, element));
            if (at < 0) return false;
            unmatched[at] = NO_MATCH;
            return true;
        });
    }
    if (live === null || typeof live !== "object" || Array.isArray(live)) return false;
    const liveObject = live as Record<string, unknown>;
    return Object.entries(declared as Record<string, unknown>).every(([key, value]) => value === undefined || containsDeclared(liveObject[key], value));
}

const NO_MATCH = Symbol("matched");
