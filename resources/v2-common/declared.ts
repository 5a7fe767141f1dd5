/**
 * Adopted objects (skills, environments) are managed only in the properties the user declares:
 * refresh reports drift in those alone, and updates send those alone.
 */
import { stableJson } from "../../provider/values";
import { containsDeclared } from "./contains";

/**
 * The live value of each declared property, for refresh. The declared form is kept when the service
 * only added to it (defaults, timestamps, snapshots) or does not return the property at all (Get
 * skill omits `workspace`): only a real difference shows up as drift.
 */
export function liveDeclared<T extends object>(names: readonly (keyof T & string)[], declared: Partial<T>, live: Partial<T>): Partial<T> {
    const result: Partial<T> = {};
    for (const name of names) {
        if (declared[name] === undefined) continue;
        const unchanged = live[name] === undefined || containsDeclared(live[name], declared[name]);
        result[name] = unchanged ? declared[name] : live[name];
    }
    return result;
}

/** The declared properties whose value differs from the stored one, for an update body. */
export function changedDeclared<T extends object>(names: readonly (keyof T & string)[], olds: Partial<T>, news: Partial<T>): Partial<T> {
    const result: Partial<T> = {};
    for (const name of names) {
        if (news[name] !== undefined && stableJson(news[name]) !== stableJson(olds[name])) result[name] = news[name];
    }
    return result;
}
