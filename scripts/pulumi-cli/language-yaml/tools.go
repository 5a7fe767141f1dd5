//go:build tools

// Package tools pins Pulumi YAML's language host so that `go build` can build it from this module,
// with the same pulumi pkg and sdk versions as the CLI (one Go build cache for both).
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
