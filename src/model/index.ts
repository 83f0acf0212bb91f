export { buildJsonSchema, renderJsonSchema } from './jsonSchema.js';
export * from './schema.js';
