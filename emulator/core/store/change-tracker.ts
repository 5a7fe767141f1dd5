/**
 * Notes which records of a JSON state change, so that a save rewrites those and no others.
 *
 * `track(root)` returns a view of the state through Proxies: reads pass through (a nested object
 * comes back as a view too, always the same one for the same object), and every assignment or
 * deletion, array methods included, marks the record it touches. The areas keep changing the
 * state in place as before. A value stored through a view is stored unwrapped, so the state
 * itself never holds a Proxy.
 *
 * Where an object sits is remembered from the last read or write that reached it (`links`) and
 * checked before use; where it cannot be told (an object changed after it left the state, or one
 * object stored at two places), the whole state is marked, which is slow but right. Not seen: a
 * change made through a reference to a stored object kept from before it was stored.
 */
import { isContainer, recordKey, type Path } from "./records";

/** A changed part of the state: a whole subtree, or only a container's own record (its keys or length). */
export interface Change {
    path: Path;
    subtree: boolean;
}

type Member = string | number;

export class ChangeTracker {
    private readonly views = new WeakMap<object, object>();
    private readonly targets = new WeakMap<object, object>();
    private readonly links = new WeakMap<object, { parent: object; member: Member }>();
    private readonly changes = new Map<string, Change>();
    /** Objects stored at a second place while maybe still at their first: checked by `take`. */
    private moved: { target: object; parent: object; member: Member }[] = [];
    /** Objects found at two places at once: a change inside one marks the whole state. */
    private readonly shared = new WeakSet<object>();
    private root: object = {};

    /** `depth` is the records' depth (records.ts): below it, a change marks its whole record. */
    constructor(private readonly depth: number) {}

    track<T extends object>(root: T): T {
        this.root = root;
        this.changes.clear();
        return this.view(root) as T;
    }

    /** The changes since the last call. */
    take(): Change[] {
        // A move (a splice, a sort) leaves the old place to another object; a copy leaves it in both.
        for (const { target, parent, member } of this.moved) {
            if ((parent as any)[member] !== target) continue;
            this.shared.add(target);
            // Changes made inside it since it was stored were marked at one place only.
            this.mark([], true);
        }
        this.moved = [];
        const taken = [...this.changes.values()];
        this.changes.clear();
        return taken;
    }

    private mark(path: Path, subtree: boolean): void {
        const key = `${subtree ? "subtree" : "self"}:${recordKey(path)}`;
        if (!this.changes.has(key)) this.changes.set(key, { path, subtree });
    }

    /** Where `target` sits in the state, or undefined when that cannot be told for sure. */
    private pathOf(target: object): Path | undefined {
        const path: Path = [];
        for (let node = target; node !== this.root; ) {
            if (this.shared.has(node)) return undefined;
            const link = this.links.get(node);
            if (!link || (link.parent as any)[link.member] !== node) return undefined;
            path.unshift(link.member);
            node = link.parent;
        }
        return path;
    }

    /** The records that a change of `members` of `container` touches are marked (itself when `ownRecord`). */
    private changed(container: object, members: Member[], ownRecord = true): void {
        const path = this.pathOf(container);
        if (!path) return this.mark([], true);
        if (path.length >= this.depth) return this.mark(path.slice(0, this.depth), true);
        if (ownRecord) this.mark(path, false);
        for (const member of members) this.mark([...path, member], true);
    }

    private view(target: object): object {
        const known = this.views.get(target);
        if (known) return known;
        const view: object = new Proxy(target, this.handler());
        this.views.set(target, view);
        this.targets.set(view, target);
        return view;
    }

    private handler(): ProxyHandler<any> {
        const member = (target: object, prop: string): Member => (Array.isArray(target) && /^\d+$/.test(prop) ? Number(prop) : prop);
        const store = (target: any, prop: string, value: unknown) => {
            const plain = this.unwrap(value);
            target[prop] = plain;
            if (isContainer(plain)) this.links.set(plain, { parent: target, member: member(target, prop) });
        };
        return {
            get: (target, prop) => {
                const value = target[prop];
                if (typeof prop === "symbol" || !isContainer(value) || !Object.prototype.hasOwnProperty.call(target, prop)) return value;
                this.links.set(value, { parent: target, member: member(target, prop) });
                return this.view(value);
            },
            set: (target, prop, value) => {
                if (typeof prop === "symbol") return Reflect.set(target, prop, value);
                if (Array.isArray(target) && prop === "length") {
                    const before = target.length;
                    target.length = value;
                    const dropped = Array.from({ length: Math.max(0, before - target.length) }, (_, i) => target.length + i);
                    this.changed(target, dropped);
                    return true;
                }
                store(target, prop, value);
                this.changed(target, [member(target, prop)]);
                return true;
            },
            deleteProperty: (target, prop) => {
                if (typeof prop === "symbol") return Reflect.deleteProperty(target, prop);
                delete target[prop];
                this.changed(target, [member(target, prop)]);
                return true;
            },
            defineProperty: (target, prop, descriptor) => {
                if (typeof prop === "symbol" || !("value" in descriptor)) return Reflect.defineProperty(target, prop, descriptor);
                const done = Reflect.defineProperty(target, prop, { ...descriptor, value: this.unwrap(descriptor.value) });
                if (isContainer(target[prop])) this.links.set(target[prop], { parent: target, member: member(target, prop) });
                this.changed(target, [member(target, prop)]);
                return done;
            },
        };
    }

    /**
     * The value with every view in it replaced by the object it shows (in place: it is being
     * stored). Each such object is already in the state: `take` finds out whether it stayed there.
     */
    private unwrap(value: unknown): unknown {
        if (value === null || typeof value !== "object") return value;
        const target = this.targets.get(value);
        if (target) {
            const link = this.links.get(target);
            if (link) this.moved.push({ target, ...link });
            return target;
        }
        if (isContainer(value)) {
            for (const key of Object.keys(value)) {
                const member = (value as any)[key];
                const plain = this.unwrap(member);
                if (plain !== member) (value as any)[key] = plain;
            }
        }
        return value;
    }
}
