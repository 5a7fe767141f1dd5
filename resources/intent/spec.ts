/** Intent: one intent of a workspace, with all its examples (see v1-elements/element-spec.ts). */
import { elementResourceSpec } from "../v1-elements/element-spec";
import { intentKind } from "../v1-elements/kinds";
import { checkIntent } from "../v1-elements/rules";
import { intentProperties } from "../v1-elements/schemas";

export const spec = elementResourceSpec("Intent", intentKind, intentProperties, checkIntent);
