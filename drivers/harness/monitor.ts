// A resource monitor for the Pulumi SDK running in mock mode (the object `setMocks` installs).
// Unlike the SDK's MockMonitor it sees the whole RegisterResourceRequest (dependencies, parent,
// additionalSecretOutputs, deleteBeforeReplace, ...) and keeps secrets wrapped, and it hands
// dynamic-provider registrations to the Deployment.
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { Deployment, isDynamicType } from "./engine";
import { PropertyMap } from "./plugin";
import { isSigObject, RESOURCE_SIG, SECRET_SIG, UNKNOWN, isWrappedSecret } from "./secrets";
import { unwrapSecrets } from "./state";

const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

type Callback<T> = (err: Error | null, resp?: T) => void;

export interface MonitorOptions {
    project: string;
    stack: string;
    deployment: Deployment;
    /** Outputs of another stack (secrets wrapped), or undefined when it has no state. */
    readStackOutputs: (stack: string) => PropertyMap | undefined;
    readDynamic: (urn: string, type: string, id: string, inputs: PropertyMap) => Promise<PropertyMap>;
}

export class HarnessMonitor {
    private rootStackUrn?: string;
    private readonly registered = new Map<string, { urn: string; id: string | null; state: PropertyMap }>();

    constructor(private readonly options: MonitorOptions) {}

    /** The URN the engine would give: parent type prefix, except under the root stack. */
    urnFor(type: string, name: string, parent: string): string {
        let qualifiedType = type;
        if (parent && parent !== this.rootStackUrn) {
            const parentType = parent.split("::")[2];
            qualifiedType = `${parentType}$${type}`;
        }
        return `urn:pulumi:${this.options.stack}::${this.options.project}::${qualifiedType}::${name}`;
    }

    registerResource(req: resproto.RegisterResourceRequest, callback: Callback<resproto.RegisterResourceResponse>): void {
        this.answer(callback, async () => {
            const type = req.getType();
            const name = req.getName();
            const parent = req.getParent();
            const urn = this.urnFor(type, name, parent);
            if (type === ROOT_STACK_TYPE && !parent) this.rootStackUrn = urn;
            const inputs = normalizeInputs((req.getObject()?.toJavaScript() ?? {}) as PropertyMap);
            let id = "";
            let outputs: PropertyMap = {};
            if (req.getImportid()) throw new Error(`harness: the import option is not supported (${urn})`);
            if (req.getCustom() && isDynamicType(type)) {
                ({ id, outputs } = await this.options.deployment.register({
                    urn,
                    type,
                    name,
                    parent: parent && parent !== this.rootStackUrn ? parent : undefined,
                    inputs,
                    dependencies: req.getDependenciesList(),
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    deleteBeforeReplace: req.getDeletebeforereplace(),
                    ignoreChanges: req.getIgnorechangesList(),
                    replaceOnChanges: req.getReplaceonchangesList(),
                    retainOnDelete: req.getRetainondelete() === true,
                    protect: req.getProtect() === true,
                }));
            } else if (req.getCustom()) {
                // Another provider's resource: no plugin here, so it echoes its inputs.
                id = `${name}-id`;
                outputs = inputs;
            }
            this.registered.set(urn, { urn, id: id || null, state: outputs });
            const resp = new resproto.RegisterResourceResponse();
            resp.setUrn(urn);
            resp.setId(id);
            resp.setObject(Struct.fromJavaScript(outputs as never));
            return resp;
        });
    }

    readResource(req: resproto.ReadResourceRequest, callback: Callback<resproto.ReadResourceResponse>): void {
        this.answer(callback, async () => {
            const type = req.getType();
            const urn = this.urnFor(type, req.getName(), req.getParent());
            const inputs = normalizeInputs((req.getProperties()?.toJavaScript() ?? {}) as PropertyMap);
            let state: PropertyMap;
            if (type === STACK_REFERENCE_TYPE) {
                state = this.stackReference(String(unwrapSecrets(inputs.name) ?? req.getId()));
            } else if (isDynamicType(type)) {
                state = await this.options.readDynamic(urn, type, req.getId(), unwrapSecrets(inputs));
            } else {
                state = inputs;
            }
            this.options.deployment.recordRead(urn, type, req.getName());
            this.registered.set(urn, { urn, id: req.getId(), state });
            const resp = new resproto.ReadResourceResponse();
            resp.setUrn(urn);
            resp.setProperties(Struct.fromJavaScript(state as never));
            return resp;
        });
    }

    registerResourceOutputs(req: resproto.RegisterResourceOutputsRequest, callback: Callback<object>): void {
        this.answer(callback, async () => {
            if (req.getUrn() === this.rootStackUrn) {
                this.options.deployment.stackOutputs = normalizeInputs((req.getOutputs()?.toJavaScript() ?? {}) as PropertyMap);
            }
            return {};
        });
    }

    invoke(req: provproto.InvokeRequest, callback: Callback<provproto.InvokeResponse>): void {
        this.answer(callback, async () => {
            const token = req.getTok();
            if (token !== "pulumi:pulumi:getResource") throw new Error(`harness: invoke "${token}" is not supported`);
            const args = (req.getArgs()?.toJavaScript() ?? {}) as { urn?: string };
            const found = this.registered.get(String(args.urn));
            if (!found) throw new Error(`unknown resource ${args.urn}`);
            const resp = new provproto.InvokeResponse();
            resp.setReturn(Struct.fromJavaScript(found as never));
            return resp;
        });
    }

    supportsFeature(req: resproto.SupportsFeatureRequest, callback: Callback<{ getHassupport(): boolean }>): void {
        // As the SDK's mocks: everything but output values, so inputs arrive as plain values.
        const supported = req.getId() !== "outputValues";
        callback(null, { getHassupport: () => supported });
    }

    registerPackage(_req: unknown, callback: Callback<resproto.RegisterPackageResponse>): void {
        const resp = new resproto.RegisterPackageResponse();
        resp.setRef("harness-package");
        callback(null, resp);
    }

    private stackReference(fullName: string): PropertyMap {
        // "org/project/stack" or "stack": the harness keeps stacks of one project side by side.
        const stack = fullName.split("/").pop()!;
        const outputs = this.options.readStackOutputs(stack);
        if (!outputs) throw new Error(`harness: stack reference "${fullName}": stack "${stack}" has no state`);
        const secretOutputNames = Object.keys(outputs).filter((k) => isWrappedSecret(outputs[k]));
        return { name: fullName, outputs, secretOutputNames };
    }

    private answer<T>(callback: Callback<T>, work: () => Promise<T>): void {
        work().then(
            (resp) => callback(null, resp),
            (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
        );
    }
}

/**
 * Inputs as the engine hands them to a provider that accepts neither resources nor output values:
 * resource references become their id (or URN); secrets stay wrapped so the harness can track them.
 */
export function normalizeInputs(props: PropertyMap): PropertyMap {
    return normalize(props) as PropertyMap;
}

function normalize(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(normalize);
    if (isSigObject(value, RESOURCE_SIG)) {
        const id = value.id;
        return typeof id === "string" ? (id === "" ? UNKNOWN : id) : value.urn;
    }
    if (isSigObject(value, SECRET_SIG)) return { ...value, value: normalize(value.value) };
    if (typeof value === "object" && value !== null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = normalize(v);
        return out;
    }
    return value;
}
