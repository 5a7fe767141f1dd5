/**
 * Notes which records of a JSON state change, so that a save rewrites those and no others.
 *
 * `track(root)` returns a view of the state through Proxies: reads pass through (a nested object
 * comes back as a view too), and every assignment or deletion, array methods included, marks the
 * record it touches. The areas keep changing the state in place as before and need not know.
 * A value stored through a view is stored unwrapped, so the state itself never holds a Proxy.
 */
import { isContainer, recordKey, type Path } from "./records";

/** A changed part of the state: a whole subtree, or only a container's own record (its keys or length). */
export interface Change {
    path: Path;
    subtree: boolean;
}

export class ChangeTracker {
    private readonly views = new WeakMap<object, { key: string; view: object }>();
    private readonly targets = new WeakMap<object, object>();
    private readonly changes = new Map<string, Change>();

    /** `depth` is the records' depth (records.ts): below it, a change marks its whole record. */
    constructor(private readonly depth: number) {}

    track<T extends object>(root: T): T {
        return this.view(root, []) as T;
    }

    /** The changes since the last call. */
    take(): Change[] {
        const taken = [...this.changes.values()];
        this.changes.clear();
        return taken;
    }

    private mark(path: Path, subtree: boolean): void {
        const key = `${subtree ? "subtree" : "self"}:${recordKey(path)}`;
        if (!this.changes.has(key)) this.changes.set(key, { path, subtree });
    }

    /** Member `member` of the container at `path` was set or deleted. */
    private changed(path: Path, member: string | number): void {
        if (path.length >= this.depth) return this.mark(path.slice(0, this.depth), true);
        this.mark(path, false);
        this.mark([...path, member], true);
    }

    /** The array at `path` got a new length; members past a lowered length are gone. */
    private resized(path: Path, from: number, to: number): void {
        if (path.length >= this.depth) return this.mark(path.slice(0, this.depth), true);
        this.mark(path, false);
        for (let index = to; index < from; index++) this.mark([...path, index], true);
    }

    private view(target: object, path: Path): object {
        const key = recordKey(path);
        const known = this.views.get(target);
        // An element that moved (an array splice) gets a view at its new place.
        if (known && known.key === key) return known.view;
        const view = new Proxy(target, this.handler(path));
        this.views.set(target, { key, view });
        this.targets.set(view, target);
        return view;
    }

    private handler(path: Path): ProxyHandler<any> {
        const member = (target: object, prop: string): string | number => (Array.isArray(target) && /^\d+$/.test(prop) ? Number(prop) : prop);
        return {
            get: (target, prop) => {
                const value = target[prop];
                if (typeof prop === "symbol" || !isContainer(value) || !Object.prototype.hasOwnProperty.call(target, prop)) return value;
                return this.view(value, [...path, member(target, prop)]);
            },
            set: (target, prop, value) => {
                if (typeof prop === "symbol") return Reflect.set(target, prop, value);
                if (Array.isArray(target) && prop === "length") {
                    const before = target.length;
                    target.length = value;
                    this.resized(path, before, target.length);
                    return true;
                }
                target[prop] = this.unwrap(value);
                this.changed(path, member(target, prop));
                return true;
            },
            deleteProperty: (target, prop) => {
                if (typeof prop === "symbol") return Reflect.deleteProperty(target, prop);
                delete target[prop];
                this.changed(path, member(target, prop));
                return true;
            },
            defineProperty: (target, prop, descriptor) => {
                const stored = "value" in descriptor ? { ...descriptor, value: this.unwrap(descriptor.value) } : descriptor;
                const done = Reflect.defineProperty(target, prop, stored);
                if (typeof prop !== "symbol") this.changed(path, member(target, prop));
                return done;
            },
        };
    }

    /** The value with every view in it replaced by the object it shows (in place: it is being stored). */
    private unwrap(value: unknown): unknown {
        if (value === null || typeof value !== "object") return value;
        const target = this.targets.get(value);
        if (target) return target;
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
