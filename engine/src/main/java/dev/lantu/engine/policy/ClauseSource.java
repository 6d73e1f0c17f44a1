package dev.lantu.engine.policy;

/**
 * A clause as a policy document writes it, before its expressions are checked.
 *
 * @param subject         what the clause supports (研发投入, 算力补贴), for stacking rules between clauses
 * @param eligibility     who qualifies: a condition
 * @param award           how much: an amount
 * @param capFen          the most this clause pays one enterprise, in fen; {@code null} when the
 *                        clause itself sets no cap
 * @param sourceParagraph the paragraph of the policy the clause encodes, quoted for reviewers
 */
public record ClauseSource(String id, String title, String subject, String eligibility, String award, Long capFen,
                           Delivery delivery, String sourceParagraph) {
}
