/**
 * The package's public declarations read with the TypeScript compiler API, from the package root
 * index.ts, as users read them: the resource classes (constructor args and instance types) and
 * every other exported type. Used by tests/resources/declarations.test.ts (docs agree with the
 * schemas) and scripts/native-schema.ts (docs and outputs of the native plugin's schema).
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/** The repository: the folder above this one (scripts/, or dist/scripts/ when compiled) holding tsconfig.json. */
export const ROOT = [path.resolve(__dirname, ".."), path.resolve(__dirname, "../..")].find((dir) => fs.existsSync(path.join(dir, "tsconfig.json")))!;

export interface Declarations {
    checker: ts.TypeChecker;
    /** Exported resource classes by name: the constructor's args type and the instance type. */
    resources: Map<string, { args: ts.Type; instance: ts.Type }>;
    /** Every other exported type (element types, cases, results ...). */
    types: Map<string, ts.Type>;
}

export function loadDeclarations(): Declarations {
    const config = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
    const program = ts.createProgram([path.join(ROOT, "index.ts")], { ...options, noEmit: true });
    const checker = program.getTypeChecker();
    const root = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, "index.ts"))!)!;
    const resources = new Map<string, { args: ts.Type; instance: ts.Type }>();
    const types = new Map<string, ts.Type>();
    for (const exported of checker.getExportsOfModule(root)) {
        const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
        if (symbol.flags & ts.SymbolFlags.Class) {
            const construct = checker.getTypeOfSymbol(symbol).getConstructSignatures()[0];
            const args = construct?.getParameters()[1];
            if (args && !resources.has(symbol.name)) {
                resources.set(symbol.name, { args: checker.getTypeOfSymbol(args), instance: checker.getDeclaredTypeOfSymbol(symbol) });
            }
        } else if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)) {
            types.set(symbol.name, checker.getDeclaredTypeOfSymbol(symbol));
        }
    }
    return { checker, resources, types };
}
