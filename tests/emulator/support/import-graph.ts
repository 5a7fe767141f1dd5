/**
 * The import graph of a source folder, read with the TypeScript compiler's own pre-processor (so
 * `import type`, `export ... from` and `import("...")` types count), for the floors test.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export interface ImportGraph {
    /** Files relative to the root, e.g. "core/server.ts". */
    files: string[];
    /** File -> the files of the root it imports. */
    local: Map<string, string[]>;
    /** File -> the packages and Node modules it imports ("http", "fflate"). */
    external: Map<string, string[]>;
}

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) return sourceFiles(full);
        return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [full] : [];
    });
}

function resolveLocal(fromFile: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(fromFile), specifier);
    return [`${base}.ts`, path.join(base, "index.ts"), base].find((candidate) => candidate.endsWith(".ts") && fs.existsSync(candidate));
}

export function importGraph(root: string): ImportGraph {
    const absolute = sourceFiles(root);
    const relative = (file: string) => path.relative(root, file).split(path.sep).join("/");
    const local = new Map<string, string[]>();
    const external = new Map<string, string[]>();
    for (const file of absolute) {
        const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
        const locals: string[] = [];
        const externals: string[] = [];
        for (const { fileName } of info.importedFiles) {
            if (!fileName.startsWith(".")) {
                externals.push(fileName.replace(/^node:/, ""));
                continue;
            }
            const target = resolveLocal(file, fileName);
            if (!target) throw new Error(`${relative(file)}: cannot resolve ${fileName}`);
            // Imports that leave the root (e.g. emulator -> provider) count as external.
            if (target.startsWith(root + path.sep)) locals.push(relative(target));
            else externals.push(path.relative(root, target));
        }
        local.set(relative(file), [...new Set(locals)]);
        external.set(relative(file), [...new Set(externals)]);
    }
    return { files: absolute.map(relative).sort(), local, external };
}

/** Every file `file` reaches through local imports, itself excluded. */
export function reachable(graph: ImportGraph, file: string): Set<string> {
    const seen = new Set<string>();
    const pending = [...(graph.local.get(file) ?? [])];
    while (pending.length > 0) {
        const next = pending.pop()!;
        if (seen.has(next)) continue;
        seen.add(next);
        pending.push(...(graph.local.get(next) ?? []));
    }
    return seen;
}

/** The import cycles (strongly connected components with more than one file, or a self-import). */
export function importCycles(graph: ImportGraph): string[][] {
    // Tarjan's algorithm over the local imports.
    let counter = 0;
    const index = new Map<string, number>();
    const lowlink = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (file: string): void => {
        index.set(file, counter);
        lowlink.set(file, counter++);
        stack.push(file);
        onStack.add(file);
        for (const next of graph.local.get(file) ?? []) {
            if (!index.has(next)) {
                visit(next);
                lowlink.set(file, Math.min(lowlink.get(file)!, lowlink.get(next)!));
            } else if (onStack.has(next)) {
                lowlink.set(file, Math.min(lowlink.get(file)!, index.get(next)!));
            }
        }
        if (lowlink.get(file) !== index.get(file)) return;
        const component: string[] = [];
        let member: string;
        do {
            member = stack.pop()!;
            onStack.delete(member);
            component.push(member);
        } while (member !== file);
        if (component.length > 1 || (graph.local.get(file) ?? []).includes(file)) cycles.push(component.sort());
    };
    for (const file of graph.files) if (!index.has(file)) visit(file);
    return cycles;
}
