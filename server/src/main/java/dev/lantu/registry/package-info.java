/**
 * Registry: the enterprises of a city. So far it holds the identity every other module keys
 * enterprises by, the unified social credit code (统一社会信用代码, GB 32100-2015); the registry itself
 * (import, classification, matching) grows here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package dev.lantu.registry;
