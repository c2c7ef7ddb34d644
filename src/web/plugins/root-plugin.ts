import type { FastifyPluginAsync } from 'fastify';

/**
 * Marks a plugin as applying to the whole app rather than to a scope of its own, so that its
 * hooks and decorations reach every route (what the fastify-plugin package does, through the
 * `skip-override` symbol Fastify documents for it).
 */
export function rootPlugin(plugin: FastifyPluginAsync): FastifyPluginAsync {
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}
