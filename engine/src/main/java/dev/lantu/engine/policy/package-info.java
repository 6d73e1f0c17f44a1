/**
 * Policies as data: parameters with dated values and their legal references, clauses with checked
 * eligibility and award expressions, caps, and the assessment of a clause for one enterprise that
 * keeps the application year apart from the date of the rule in force.
 */
package dev.lantu.engine.policy;
