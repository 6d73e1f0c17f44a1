package dev.lantu.projects;

import java.time.LocalDate;
import java.util.List;

/**
 * What a user gives to register a project or to change its description: everything but its history.
 * {@code stage} and {@code stageDate} are the project's first entry (often 签约 at a conference).
 */
public record ProjectDraft(String name, String investorUscc, String investorName, String districtCode,
		List<String> trackIds, Long plannedInvestmentFen, Long expectedOutputFen, Integer expectedJobs, String site,
		Project.Source source, List<Project.Document> documents, Boolean synthetic, Stage stage, LocalDate stageDate,
		String evidence) {

	public ProjectDraft {
		trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
		documents = documents == null ? List.of() : List.copyOf(documents);
	}

}
