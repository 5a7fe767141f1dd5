//go:build tools

// Package tools pins the Python language host (what `pulumi up` of a `runtime: python` project
// starts). Like the Node.js host, its module has only commit pseudo-versions and builds against the
// pkg/sdk release of its own commit: the same pulumi commit as the Node.js host's.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/python/cmd/pulumi-language-python/v3"
)
