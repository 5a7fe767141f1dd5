/**
 * DialogNode: one node of a workspace's dialog (see v1-elements/element-spec.ts). Its parent,
 * previous sibling and jump target are other nodes' ids; declare those nodes as resources too and
 * pass their `dialogNode` outputs, so that Pulumi creates them first.
 */
import { elementResourceSpec } from "../v1-elements/element-spec";
import { dialogNodeKind } from "../v1-elements/kinds";
import { checkDialogNode } from "../v1-elements/rules";
import { dialogNodeProperties } from "../v1-elements/schemas";

export const spec = elementResourceSpec("DialogNode", dialogNodeKind, dialogNodeProperties, checkDialogNode);
