/**
 * Entry point of the native provider plugin `pulumi-resource-watson-assistant` (package
 * `watson-assistant`, tokens `watson-assistant:index:<Type>`): the same specs, operations,
 * configuration and HTTP client as the dynamic providers (runtime.ts), behind the engine's own
 * provider protocol (provider/native). The launcher bin/pulumi-resource-watson-assistant runs it.
 */
import { exitWhenEngineGone } from "./engine-gone";
import { RESOURCE_TYPES, specFor } from "./registry";
import { checkContext, operationContext, runCalls } from "./runtime";
import { PlanReporter } from "../provider/bridge/plan-reporter";
import { planFileFrom, stdoutSink } from "../provider/change-summary/publish";
import { commandPlansNoChange, firstProcessOfCommand, updateWasPreviewed } from "../provider/change-summary/cli-command";
import { stderrSink } from "../provider/http/log";
import { engineAddress, engineInfoSink } from "../provider/native/engine-log";
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

/** The plugin's provider; `planSummaries`: where plan summaries go (the plugin process sends them to the engine; in-process tests need none). */
export function nativeProvider(options: { planSummaries?: (text: string) => void } = {}): NativeResourceProvider {
    const write = options.planSummaries;
    return new NativeResourceProvider({
        version: VERSION,
        schema: () => (schemaText ??= JSON.stringify(nativeSchema())),
        specFor: nativeSpecFor,
        operationContext: (getConfig) => operationContext(getConfig),
        checkContext,
        // Summaries as info messages to the engine (engine-log.ts), and to the plan file when one is set.
        planReporter: write && ((getConfig) => new PlanReporter(() => ({ write, planFile: planFileFrom(getConfig, process.env) }), stderrSink, () => runCalls(getConfig), showsPlan)),
    });
}

/**
 * Whether this process shows the plan: once per CLI command, never in a refresh or destroy. The
 * engine tells a native plugin nothing of previews, but an `up` with a preview starts the
 * preview's plugin process first: a later process of the same command serves the update.
 */
function showsPlan(): boolean {
    if (commandPlansNoChange()) return false;
    return !updateWasPreviewed() || firstProcessOfCommand("pulumi-resource-watson-assistant");
}

if (require.main === module) {
    exitWhenEngineGone();
    const engine = engineAddress(process.argv.slice(2));
    serve(nativeProvider({ planSummaries: engine ? engineInfoSink(engine) : stdoutSink })).catch((err) => {
        console.error(err instanceof Error ? err.stack : String(err));
        process.exit(1);
    });
}
