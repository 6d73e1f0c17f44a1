/**
 * Policies as data: parameters with dated values and their legal references, clauses with checked
 * eligibility and award expressions, caps, and the assessment of a clause for one enterprise that
 * keeps the application year apart from the date of the rule in force. Policy documents, their
 * schema of variables and their test cases are YAML files, read with positioned errors
 * ({@link dev.lantu.engine.policy.PolicyReader}, {@link dev.lantu.engine.policy.SchemaReader},
 * {@link dev.lantu.engine.policy.PolicyTestRunner}).
 */
package dev.lantu.engine.policy;
