import Ajv, { type ValidateFunction } from 'ajv';

// The JSON Schemas in schemas/ (config and inventory) compiled by one Ajv
// instance, made on first use: a check of source files, and every CLI
// worker thread, never validates against a schema, and creating the instance
// alone cost each thread about 4 ms of its start.

let ajv: Ajv | undefined;

/** A validator that is compiled (about 50 ms) the first time it is called for. */
export function lazyValidator<T>(schema: object): () => ValidateFunction<T> {
  let compiled: ValidateFunction<T> | undefined;
  return () => (compiled ??= (ajv ??= new Ajv({ allErrors: true })).compile<T>(schema));
}
