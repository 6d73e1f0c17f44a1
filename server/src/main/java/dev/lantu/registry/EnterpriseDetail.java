package dev.lantu.registry;

import java.util.List;
import java.util.Map;

/**
 * An enterprise with everything the registry knows of it: its industry from section to class, figures by
 * year and variable (fen, counts, 0/1), qualifications, filings, and the history of its changes.
 */
public record EnterpriseDetail(Enterprise enterprise, List<IndustryClass> industry, Map<Integer, Map<String, Long>> figures,
		List<Qualification> qualifications, List<Filing> filings, List<FigureChange> figureChanges,
		List<FieldChange> changes) {
}
