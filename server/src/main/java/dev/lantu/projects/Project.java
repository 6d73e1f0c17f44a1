package dev.lantu.projects;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An investment project. Money is in fen. The investor is an enterprise of the registry (by its
 * unified social credit code) or, before it registers, just a name. {@code version} guards against
 * lost updates: every change must name the version it was made on.
 */
public record Project(long id, String name, String investorUscc, String investorName, String districtCode,
		List<String> trackIds, Long plannedInvestmentFen, Long expectedOutputFen, Integer expectedJobs, String site,
		Source source, List<Document> documents, boolean synthetic, Stage stage, LocalDate stageSince, int version,
		String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

	public Project {
		trackIds = List.copyOf(trackIds);
		documents = List.copyOf(documents);
	}

	/** Where the project was announced: e.g. a district conference, with its date. */
	public record Source(String title, LocalDate date, String url) {
	}

	public record Document(String title, String url) {
	}

	public long daysInStage(LocalDate today) {
		return ChronoUnit.DAYS.between(stageSince, today);
	}

}
