/**
 * Registry: the enterprises of a city by unified social credit code (统一社会信用代码, GB 32100-2015),
 * their district (GB/T 2260) and industry (GB/T 4754-2017), qualifications with validity, filings,
 * yearly figures under the policy engine's variable names, and the history of every change. Imports
 * and exports of the sheets officials use, and a seeded synthetic registry for new installations.
 * Classification into tracks, specialisation and matching grow here.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "atlas", "dataset", "tables", "web" })
package dev.lantu.registry;
