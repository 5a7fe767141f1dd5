// The real Pulumi CLI, driven offline: found (locate), run isolated (session), on a scratch copy of
// a project (project), with the engine's own step log (events).
export * from "./locate";
export * from "./session";
export * from "./project";
export * from "./events";
