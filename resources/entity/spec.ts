/** Entity: one entity of a workspace, with all its values (see v1-elements/element-spec.ts). */
import { elementResourceSpec } from "../v1-elements/element-spec";
import { entityKind } from "../v1-elements/kinds";
import { checkEntity } from "../v1-elements/rules";
import { entityProperties } from "../v1-elements/schemas";

export const spec = elementResourceSpec("Entity", entityKind, entityProperties, checkEntity);
