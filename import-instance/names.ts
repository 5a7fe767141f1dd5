/** Pulumi resource names for imported objects: readable, stable across runs, unique in one import. */

/** `Customer care (EN)` -> `customer-care-en`; empty when nothing readable is left. */
export function slug(text: string): string {
    return text.normalize("NFKD").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 48).replace(/-+$/, "");
}

/** Hands out names; a name already taken gets the first free `-2`, `-3`... suffix. */
export class NameRegistry {
    private readonly taken = new Set<string>();

    claim(preferred: string, fallback: string): string {
        const base = slug(preferred) || slug(fallback);
        let name = base;
        for (let n = 2; this.taken.has(name); n++) name = `${base}-${n}`;
        this.taken.add(name);
        return name;
    }
}
