import { seededRandom } from "./prng";

export type FaultKind = "429" | "500" | "503" | "reset" | "reset-after";
const FAULT_KINDS: FaultKind[] = ["429", "500", "503", "reset", "reset-after"];

export interface FaultSpec {
    rate: number;
    seed: number;
    kinds: FaultKind[];
    latencyMs: [number, number];
    /** Globs over `"METHOD /template"` (or just `/template`); empty = every API route. */
    routes: string[];
    /** Stop injecting after this many faults. */
    count: number;
    /** Let the first n matching requests through untouched. */
    after: number;
}

/** What to do with one request. */
export interface FaultDecision {
    kind?: FaultKind;
    extraLatencyMs: number;
}

/**
 * Parses `rate=0.2,seed=42,kinds=429+500+503+reset+reset-after,latency=0-200,routes=/v2/*,count=3,after=1`.
 * The grammar is documented in emulator/README.md. Throws Error with a readable message on bad input.
 */
export function parseFaultSpec(spec: string): FaultSpec | undefined {
    const text = spec.trim();
    if (text === "") return undefined;
    const parsed: FaultSpec = {
        rate: 0,
        seed: 1,
        kinds: ["429", "500", "503"],
        latencyMs: [0, 0],
        routes: [],
        count: Infinity,
        after: 0,
    };
    for (const item of text.split(",")) {
        const eq = item.indexOf("=");
        if (eq < 0) throw new Error(`fault spec item "${item}" is not key=value`);
        const key = item.slice(0, eq).trim();
        const value = item.slice(eq + 1).trim();
        switch (key) {
            case "rate":
                parsed.rate = parseNumber(key, value, 0, 1);
                break;
            case "seed":
                parsed.seed = Math.trunc(parseNumber(key, value, -(2 ** 31), 2 ** 32));
                break;
            case "kinds":
                parsed.kinds = value.split("+").map((kind) => {
                    if (!FAULT_KINDS.includes(kind as FaultKind)) {
                        throw new Error(`unknown fault kind "${kind}" (expected ${FAULT_KINDS.join(", ")})`);
                    }
                    return kind as FaultKind;
                });
                break;
            case "latency": {
                const [min, max = min] = value.split("-").map((part) => parseNumber(key, part, 0, 600000));
                if (max < min) throw new Error(`fault latency range "${value}" is reversed`);
                parsed.latencyMs = [min, max];
                break;
            }
            case "routes":
                parsed.routes = value.split("+").map((glob) => glob.trim()).filter((glob) => glob !== "");
                break;
            case "count":
                parsed.count = Math.trunc(parseNumber(key, value, 0, Number.MAX_SAFE_INTEGER));
                break;
            case "after":
                parsed.after = Math.trunc(parseNumber(key, value, 0, Number.MAX_SAFE_INTEGER));
                break;
            default:
                throw new Error(`unknown fault spec key "${key}"`);
        }
    }
    return parsed;
}

function parseNumber(key: string, value: string, min: number, max: number): number {
    const number = Number(value);
    if (value === "" || !Number.isFinite(number) || number < min || number > max) {
        throw new Error(`fault spec ${key}=${value} must be a number between ${min} and ${max}`);
    }
    return number;
}

function globToRegExp(glob: string): RegExp {
    const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp(`^${escaped}$`);
}

/** Draws fault decisions from a seeded PRNG: the same spec and request order give the same faults. */
export class FaultInjector {
    private spec?: FaultSpec;
    private random: () => number = Math.random;
    private routeMatchers: RegExp[] = [];
    private seen = 0;
    private injected = 0;

    constructor(spec?: string) {
        this.set(spec ?? "");
    }

    /** Replaces the spec and restarts the PRNG from its seed; "" clears all faults. */
    set(spec: string): void {
        this.spec = parseFaultSpec(spec);
        this.random = seededRandom(this.spec?.seed ?? 1);
        this.routeMatchers = (this.spec?.routes ?? []).map(globToRegExp);
        this.seen = 0;
        this.injected = 0;
    }

    decide(method: string, template: string): FaultDecision {
        const spec = this.spec;
        if (!spec || !this.appliesTo(method, template)) return { extraLatencyMs: 0 };
        // Always draw three numbers so that one request's outcome never shifts the next one's draws.
        const [pickFault, pickKind, pickLatency] = [this.random(), this.random(), this.random()];
        const [min, max] = spec.latencyMs;
        const extraLatencyMs = Math.round(min + (max - min) * pickLatency);
        this.seen++;
        if (this.seen <= spec.after || this.injected >= spec.count || pickFault >= spec.rate) {
            return { extraLatencyMs };
        }
        this.injected++;
        const kind = spec.kinds[Math.min(spec.kinds.length - 1, Math.floor(pickKind * spec.kinds.length))];
        return { kind, extraLatencyMs };
    }

    private appliesTo(method: string, template: string): boolean {
        if (this.routeMatchers.length === 0) return true;
        return this.routeMatchers.some((matcher) => matcher.test(`${method} ${template}`) || matcher.test(template));
    }
}
