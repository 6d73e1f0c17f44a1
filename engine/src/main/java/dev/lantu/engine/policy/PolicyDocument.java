package dev.lantu.engine.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy (专项产业政策) as its reviewed YAML file states it: who issued it, where and when it is in
 * force, where its text comes from, its parameters and its clauses. {@link PolicyReader} builds it;
 * a document that exists has every clause checked against the schema and the parameters.
 *
 * @param documentNumber          the 文号, such as 海科工商信规字〔2024〕1号
 * @param regions                 the GB/T 2260 codes of the regions it covers
 * @param tracks                  the ids of the industrial tracks it supports (such as {@code gz.cluster.ai}),
 *                                for finding policies by track; empty when it names none
 * @param effectiveTo             the last day in force; {@code null} when the sources give none
 * @param capPerEnterprisePerYear the most one enterprise receives from all clauses in one year, in
 *                                fen; {@code null} when the policy sets none
 * @param budget                  the money the policy may spend, in fen; {@code null} when unknown
 */
public record PolicyDocument(String id, String titleZh, String titleEn, String issuer, String documentNumber,
                             List<String> regions, LocalDate effectiveFrom, LocalDate effectiveTo, Source source,
                             ParameterSet parameters, List<PolicyClause> clauses, Long capPerEnterprisePerYear,
                             Long budget, List<String> tracks) {

    /** A policy that names no tracks. */
    public PolicyDocument(String id, String titleZh, String titleEn, String issuer, String documentNumber,
                          List<String> regions, LocalDate effectiveFrom, LocalDate effectiveTo, Source source,
                          ParameterSet parameters, List<PolicyClause> clauses, Long capPerEnterprisePerYear,
                          Long budget) {
        this(id, titleZh, titleEn, issuer, documentNumber, regions, effectiveFrom, effectiveTo, source, parameters,
                clauses, capPerEnterprisePerYear, budget, List.of());
    }

    public PolicyDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(parameters, "parameters");
        regions = List.copyOf(regions);
        clauses = List.copyOf(clauses);
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
        titleEn = titleEn == null ? "" : titleEn;
        documentNumber = documentNumber == null ? "" : documentNumber;
    }

    public Optional<PolicyClause> clause(String clauseId) {
        return clauses.stream().filter(entry -> entry.clause().id().equals(clauseId)).findFirst();
    }

    /**
     * Where the policy's text was read.
     *
     * @param citation   the key of the source in the dataset's list of sources, such as S28
     * @param confidence how far the source is trusted: high, medium, low
     */
    public record Source(String title, String url, String citation, String confidence) {
        public Source {
            title = title == null ? "" : title;
            url = url == null ? "" : url;
            citation = citation == null ? "" : citation;
            confidence = confidence == null ? "" : confidence;
        }
    }

    /**
     * A clause as the document holds it.
     *
     * @param illustrative true when the clause's numbers or formula are not (all) in the sources, so
     *                     it must never be shown as law
     * @param note         what the encoding assumes, and why; required for an illustrative clause
     * @param perProject   true when the clause pays each project of an enterprise (单个项目最高…): its award and
     *                     cap apply to one project's facts, and an award of it names the project
     */
    public record PolicyClause(Clause clause, boolean illustrative, String note, boolean perProject) {
        public PolicyClause {
            Objects.requireNonNull(clause, "clause");
            note = note == null ? "" : note;
            if (illustrative && note.isBlank()) {
                throw new IllegalArgumentException("the illustrative clause " + clause.id() + " needs a note saying why");
            }
        }

        /** A clause that pays per enterprise, as most do. */
        public PolicyClause(Clause clause, boolean illustrative, String note) {
            this(clause, illustrative, note, false);
        }
    }
}
