/**
 * Policies: special industrial policies (专项产业政策) loaded from the dataset's {@code policies/} as
 * reviewed YAML, checked with the engine and proven by their own test cases before the dataset is
 * accepted; listed and searched by district, track, issuer, date in force and text; and the policy
 * calculator (政策计算器), which tells an enterprise, clause by clause, what it qualifies for, how much,
 * why or why not, and which facts would decide what is still undetermined. Over the registry (whose
 * public API it reads; the registry knows nothing of policies): proactive matching (免申即享), which enterprises
 * each policy pays, and budget simulation with what-if changes to a policy's parameters.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "accounts", "dataset", "atlas", "registry", "web" })
package dev.lantu.policy;
