#!/usr/bin/env bash
# Builds the Pulumi CLI and its Node.js, YAML and Python language hosts from their Go modules (no download
# of Pulumi's release archives needed), plus our dynamic-provider plugin launcher, into a cache
# folder outside the repository. Skipped when the cached binaries are already there.
#
#   npm run pulumi-cli                 # build (or reuse) and print the folder to put on PATH
#   npm run -s pulumi-cli -- --print-dir   # only print that folder (exit 1 if not built)
#   npm run pulumi-cli -- --force      # rebuild even if cached or a pulumi is on PATH
#
# Where: $PULUMI_CLI_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/pulumi-watson-assistant, in
# pulumi-v<version>/bin. The version is the one cli/go.mod requires.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$(awk '{ for (i = 1; i < NF; i++) if ($i == "github.com/pulumi/pulumi/pkg/v3") { print $(i + 1); exit } }' "$here/cli/go.mod")"
cache_root="${PULUMI_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-watson-assistant}"
bin="$cache_root/pulumi-$version/bin"

force=0
for arg in "$@"; do
    case "$arg" in
        --print-dir) [ -x "$bin/pulumi" ] && { echo "$bin"; exit 0; }; exit 1 ;;
        --force) force=1 ;;
        *) echo "unknown option $arg" >&2; exit 2 ;;
    esac
done

tags="osusergo,grpcnotrace"

# Pulumi YAML's language host (`runtime: yaml` projects, e.g. examples/yaml-quickstart). Its own
# wrapper module pins the newest pulumi-yaml whose pulumi pkg/sdk the module proxy serves.
build_yaml_host() {
    command -v go >/dev/null 2>&1 || return 0
    echo "Building the YAML language host ..."
    if (cd "$here/language-yaml" && go build -tags "$tags" -o "$bin/pulumi-language-yaml.tmp" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml); then
        mv "$bin/pulumi-language-yaml.tmp" "$bin/pulumi-language-yaml"
    else
        echo "warning: the YAML language host did not build; YAML projects will not run" >&2
    fi
}

# Python's language host (`runtime: python` projects: the import story in Python, tests/e2e). Its
# module has only commit pseudo-versions, pinned at the Node.js host's commit (language-python/go.mod).
build_python_host() {
    command -v go >/dev/null 2>&1 || return 0
    echo "Building the Python language host ..."
    if (cd "$here/language-python" && GONOSUMDB=github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python \
            go build -tags "$tags" -o "$bin/pulumi-language-python.tmp" github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3); then
        mv "$bin/pulumi-language-python.tmp" "$bin/pulumi-language-python"
        # The host runs programs through this runner beside it (our own: Pulumi's ships in its release archives).
        install -m 755 "$here/pulumi-language-python-exec" "$bin/pulumi-language-python-exec"
    else
        echo "warning: the Python language host did not build; Python projects will not run" >&2
    fi
}

if [ "$force" = 0 ] && [ -x "$bin/pulumi" ] && [ "$("$bin/pulumi" version 2>/dev/null)" = "$version" ]; then
    [ -x "$bin/pulumi-language-yaml" ] || build_yaml_host
    [ -x "$bin/pulumi-language-python" ] && [ -x "$bin/pulumi-language-python-exec" ] || build_python_host
    echo "Pulumi CLI $version already built in $bin"
    echo "Use it with: export PATH=\"$bin:\$PATH\""
    exit 0
fi
if [ "$force" = 0 ] && command -v pulumi >/dev/null 2>&1 && [ "$(command -v pulumi)" != "$bin/pulumi" ]; then
    echo "A Pulumi CLI is already on your PATH ($(command -v pulumi), $(pulumi version 2>/dev/null || echo unknown version))."
    echo "You need none of this build; the tests and the demo use the one on PATH. --force builds anyway."
    exit 0
fi
command -v go >/dev/null 2>&1 || { echo "Go (>= 1.25.11) is needed to build the Pulumi CLI: https://go.dev/dl/" >&2; exit 1; }

mkdir -p "$bin"
# Release builds use the tags above; the version stamp is what `pulumi version` prints and what the
# Automation API parses.
stamp="-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version"
start=$SECONDS

echo "Building the Pulumi CLI $version (a few minutes on a cold Go cache) ..."
(cd "$here/cli" && go build -tags "$tags" -ldflags "$stamp" -o "$bin/pulumi.tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
mv "$bin/pulumi.tmp" "$bin/pulumi"

echo "Building the Node.js language host ..."
# The language host's pseudo-version is not in the public checksum database; go.sum pins it.
if (cd "$here/language-nodejs" && GONOSUMDB=github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs \
        go build -tags "$tags" -o "$bin/pulumi-language-nodejs.tmp" github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3); then
    mv "$bin/pulumi-language-nodejs.tmp" "$bin/pulumi-language-nodejs"
else
    echo "warning: the Node.js language host did not build; only Automation API inline programs will run" >&2
fi

build_yaml_host
build_python_host

cp "$here/pulumi-resource-pulumi-nodejs" "$bin/pulumi-resource-pulumi-nodejs"
chmod +x "$bin/pulumi-resource-pulumi-nodejs"

echo "Built in $((SECONDS - start)) s: $("$bin/pulumi" version) in $bin"
echo "Use it with: export PATH=\"$bin:\$PATH\""
