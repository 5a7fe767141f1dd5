//go:build tools

// Package tools pins the Node.js language host (what a plain `pulumi up` of a `runtime: nodejs`
// project starts). Its module has no release tags, only commit pseudo-versions, and it builds only
// against the pkg/sdk release of its own commit, hence a module of its own.
package tools

import (
	_ "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3"
)
