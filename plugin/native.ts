/**
 * Entry point of the native provider plugin `pulumi-resource-watson-assistant` (package
 * `watson-assistant`, tokens `watson-assistant:index:<Type>`): the same specs, operations,
 * configuration and HTTP client as the dynamic providers (runtime.ts), behind the engine's own
 * provider protocol (provider/native). The launcher bin/pulumi-resource-watson-assistant runs it.
 */
import { exitWhenEngineGone } from "./engine-gone";
import { RESOURCE_TYPES, specFor } from "./registry";
import { checkContext, operationContext } from "./runtime";
import { NativeResourceProvider, nativeSpec } from "../provider/native/provider";
import { packageSchema } from "../provider/native/schema";
import { serve } from "../provider/native/server";
import { DECLARATIONS } from "../provider/native/declarations.generated";

/** The package's version (the plugin's version is the npm package's). */
export const VERSION: string = (() => {
    // plugin/ under ts-node, dist/plugin/ when compiled.
    for (const candidate of ["../package.json", "../../package.json"]) {
        try {
            return require(candidate).version;
        } catch {
            // not this one
        }
    }
    return "0.0.0";
})();

let schemaText: string | undefined;

const nativeSpecs = new Map<string, ReturnType<typeof specFor>>();
/** The specs as this front door runs them (nativeSpec), one object per type. */
const nativeSpecFor = (type: string) => nativeSpecs.get(type) ?? nativeSpecs.set(type, nativeSpec(specFor(type))).get(type)!;

/** The schema the plugin serves, built from the specs and the generated declarations. */
export function nativeSchema(): Record<string, any> {
    return packageSchema({ version: VERSION, types: RESOURCE_TYPES, specFor: nativeSpecFor, declarations: DECLARATIONS.resources, config: DECLARATIONS.config });
}

export function nativeProvider(): NativeResourceProvider {
    return new NativeResourceProvider({
        version: VERSION,
        schema: () => (schemaText ??= JSON.stringify(nativeSchema())),
        specFor: nativeSpecFor,
        operationContext: (getConfig) => operationContext(getConfig),
        checkContext,
    });
}

if (require.main === module) {
    exitWhenEngineGone();
    serve(nativeProvider()).catch((err) => {
        console.error(err instanceof Error ? err.stack : String(err));
        process.exit(1);
    });
}
