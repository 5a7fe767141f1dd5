//go:build tools

// Package tools pins the Pulumi CLI's main package so that `go build` can build it from this
// module: `go install <pkg>@<version>` refuses pulumi's pkg module because its go.mod has replace
// directives, while a module that merely requires it ignores them.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
)
