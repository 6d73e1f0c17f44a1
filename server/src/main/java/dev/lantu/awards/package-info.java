/**
 * Awards: the award ledger (资金兑现台账). Applications for a policy's clauses and proactive awards
 * (免申即享), their review, approval with an amount the engine computed, disbursement, rejection and
 * clawback, each with its history; every cap that binds (per clause, per enterprise per year across a
 * policy and across an issuer's policies, exclusive subjects) and each policy's budget enforced under
 * row locks in the database, so several server nodes can share one. docs/awards.md states the rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "policy", "registry", "atlas", "web" })
package dev.lantu.awards;
