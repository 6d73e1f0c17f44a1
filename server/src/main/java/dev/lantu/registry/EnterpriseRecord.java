package dev.lantu.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one row of an import (or of the synthetic generator) says about an enterprise, checked. A null
 * field says nothing, so it changes nothing: a re-import with only figures leaves the name as it is.
 * {@code figures} belong to {@code year} (in the figure's stored unit: fen, count, 0/1).
 */
public record EnterpriseRecord(String uscc, String name, List<String> formerNames, String districtCode,
		String industryCode, LocalDate registeredOn, EnterpriseStatus status, String businessScope, Boolean synthetic,
		Integer year, Map<Figure, Long> figures, List<Qualification> qualifications, List<Filing> filings) {

	public EnterpriseRecord {
		formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
		figures = figures == null ? Map.of() : Map.copyOf(figures);
		qualifications = qualifications == null ? List.of() : List.copyOf(qualifications);
		filings = filings == null ? List.of() : List.copyOf(filings);
	}

	/** A hash of what the row says about the enterprise itself (not its figures), to find rows that disagree. */
	int identityHash() {
		return java.util.Objects.hash(name, districtCode, industryCode, registeredOn, status, businessScope, synthetic);
	}

}
