/**
 * The files of an import, as text: the Pulumi import file (`pulumi import --file`, format of
 * pulumi/pulumi pkg/cmd/pulumi import.go: `{ resources: [{ type, name, id }] }`), one content
 * file per skill or workspace, and the stack config. Secrets never reach a file: the stack config
 * names the secret keys the program needs and how to set them, without their values.
 */
import type { ConnectionSettings } from "../provider/config";
import { DEFAULT_VERSION_V1, DEFAULT_VERSION_V2 } from "../provider/config";
import type { ImportedResource } from "./plan";

export const PACKAGE = "watson-assistant";
export const IMPORT_FILE = "import.json";
export const CONTENT_DIR = "content";

export interface OutputFile {
    /** Path relative to the output folder. */
    path: string;
    text: string;
}

export const typeToken = (type: string): string => `${PACKAGE}:index:${type}`;
export const contentPath = (resource: ImportedResource): string => `${CONTENT_DIR}/${resource.name}.json`;

export function importFile(resources: ImportedResource[]): OutputFile {
    const entries = resources.map(({ type, name, id }) => ({ type: typeToken(type), name, id }));
    return { path: IMPORT_FILE, text: `${JSON.stringify({ resources: entries }, null, 2)}\n` };
}

export function contentFiles(resources: ImportedResource[]): OutputFile[] {
    return resources.filter((r) => r.content !== undefined).map((r) => ({ path: contentPath(r), text: `${JSON.stringify(r.content, null, 2)}\n` }));
}

/** Which setting holds the secret of each auth type, and the config key it is set under. */
const SECRET_KEY: Partial<Record<ConnectionSettings["authType"], keyof ConnectionSettings>> = {
    iam: "apikey",
    bearertoken: "bearerToken",
    basic: "password",
    cp4d: "password",
};

/**
 * `Pulumi.<stack>.yaml`: the connection settings a program needs, without any secret. The secret
 * key (apikey, bearerToken or password) is a commented placeholder with the command that sets it
 * encrypted; the environment variables and IBM's credentials file work as well.
 */
export function stackConfig(stack: string, settings: ConnectionSettings): OutputFile {
    const values: Record<string, string | boolean> = { url: urlWithoutCredentials(settings.url) };
    if (settings.authType !== "iam") values.authType = settings.authType;
    if (settings.iamUrl) values.iamUrl = settings.iamUrl;
    if ((settings.authType === "basic" || settings.authType === "cp4d") && settings.username) values.username = settings.username;
    if (settings.disableSslVerification) values.disableSslVerification = true;
    if (settings.versionV1 !== DEFAULT_VERSION_V1) values.versionV1 = settings.versionV1;
    if (settings.versionV2 !== DEFAULT_VERSION_V2) values.versionV2 = settings.versionV2;
    const secret = SECRET_KEY[settings.authType];
    const lines = [
        ...(secret === undefined ? [] : [
            `# ${PACKAGE}:${secret} is a secret and is not written here. Set it encrypted (the value is read from stdin):`,
            `#   pulumi config set --secret ${PACKAGE}:${secret} --stack ${stack}`,
            "# or leave it unset and use the ASSISTANT_* environment variables or IBM's ibm-credentials.env file.",
        ]),
        "config:",
        ...Object.entries(values).map(([key, value]) => `  ${PACKAGE}:${key}: ${JSON.stringify(typeof value === "boolean" ? String(value) : value)}`),
    ];
    return { path: `Pulumi.${stack}.yaml`, text: `${lines.join("\n")}\n` };
}

/** A `https://user:pass@host` URL keeps its credentials out of the file. */
function urlWithoutCredentials(url: string): string {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/+$/, "");
}
