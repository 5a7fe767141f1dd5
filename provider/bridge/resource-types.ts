/**
 * The typing of the resource classes, derived from the plain input and output types a spec works
 * with, so that each field is declared (and documented) once: a homomorphic mapped type keeps the
 * optionality and the doc comment of every property it maps.
 */
import type * as pulumi from "@pulumi/pulumi";

type Scalar = string | number | boolean | bigint | symbol | null | undefined;

/**
 * `T` as a program may give it: the value, a Promise or an Output of it, at any depth, so that
 * `intents: [{ intent: other.name, examples }]` type-checks. (`[T]` stops boolean and other unions
 * from being split: an `Output<boolean>` must fit where a boolean goes.)
 */
export type Input<T> = pulumi.Input<
    [T] extends [Scalar] ? T
        : [T] extends [readonly (infer E)[]] ? Input<E>[]
        : [T] extends [object] ? ArgsOf<T>
        : T
>;

/** The args of a resource whose plain inputs are `T`: every property an `Input`, docs kept. */
export type ArgsOf<T> = { [K in keyof T]: Input<Exclude<T[K], undefined>> };

/** The output properties of a resource whose stored outputs are `T`, docs kept. */
export type OutputsOf<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };
