import type { HttpMethod, RouteDef } from "./http-types";

/** A route compiled once: its template split into literal and `{param}` segments. */
interface CompiledRoute<S> {
    def: RouteDef<S>;
    segments: { literal?: string; param?: string }[];
}

export type RouteMatch<S> =
    | { kind: "found"; route: RouteDef<S>; params: Record<string, string> }
    | { kind: "method-not-allowed"; allowed: HttpMethod[] }
    | { kind: "not-found" };

function splitPath(path: string): string[] {
    return path.split("/").filter((segment) => segment.length > 0);
}

/** Matches request paths against `{param}` templates; literal segments win over parameters. */
export class Router<S> {
    private readonly routes: CompiledRoute<S>[];

    constructor(defs: RouteDef<S>[]) {
        this.routes = defs.map((def) => ({
            def,
            segments: splitPath(def.template).map((segment) => {
                const param = /^\{([^}]+)\}$/.exec(segment);
                return param ? { param: param[1] } : { literal: segment };
            }),
        }));
        // More literal segments first, so `/releases/{release}/deploy` never loses to a parameter.
        const literalScore = (route: CompiledRoute<S>) => route.segments.filter((s) => s.literal !== undefined).length;
        this.routes.sort((a, b) => literalScore(b) - literalScore(a));
    }

    match(method: string, path: string): RouteMatch<S> {
        const parts = splitPath(path);
        const allowed: HttpMethod[] = [];
        for (const route of this.routes) {
            const params = matchSegments(route.segments, parts);
            if (!params) continue;
            if (route.def.method === method) return { kind: "found", route: route.def, params };
            allowed.push(route.def.method);
        }
        return allowed.length > 0 ? { kind: "method-not-allowed", allowed } : { kind: "not-found" };
    }
}

function matchSegments(segments: CompiledRoute<unknown>["segments"], parts: string[]): Record<string, string> | undefined {
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < segments.length; i++) {
        const segment = segments[i];
        if (segment.literal !== undefined) {
            if (segment.literal !== parts[i]) return undefined;
            continue;
        }
        try {
            params[segment.param!] = decodeURIComponent(parts[i]);
        } catch {
            return undefined;
        }
    }
    return params;
}
