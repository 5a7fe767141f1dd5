// The module path every stack's `__provider` names (RUNTIME_MODULE): the runtime itself lives in plugin/.
export * from "../../plugin/runtime";
