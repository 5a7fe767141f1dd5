//go:build tools

// Package tools pins Pulumi YAML's language host so that `go build` can build it from this module.
// Version: pulumi-yaml v1.38.0 with the pulumi pkg/sdk it requires (v3.254.0). No release builds
// against the CLI's v3.248.0: v1.37.0 (built on v3.247.0) does not compile against v3.248.0's API,
// and the module proxy does not serve pkg v3.247.0. A language host talks to the CLI over gRPC, so
// its own pulumi version need not match the CLI's.
package tools

import (
	_ "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml"
)
