package dev.lantu.projects.web;

import static dev.lantu.projects.web.ProjectPageSupport.blankToNull;
import static dev.lantu.projects.web.ProjectPageSupport.isBlank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Track;
import dev.lantu.projects.FieldProblem;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;

/**
 * The form that registers a project at its first stage: for the administrator (any district) and district
 * officers (their own district, the only one the form offers them).
 */
@Controller
class ProjectRegistrationPage {

	private final ProjectService projects;

	private final AtlasService atlas;

	private final ProjectPageSupport support;

	ProjectRegistrationPage(ProjectService projects, AtlasService atlas, ProjectPageSupport support) {
		this.projects = projects;
		this.atlas = atlas;
		this.support = support;
	}

	/** The register form as typed: money in 万元, dates as text, so a refused form comes back as it was. */
	record RegisterForm(String name, String investorName, String investorUscc, String districtCode,
			List<String> trackIds, String plannedInvestment, String expectedOutput, String expectedJobs, String site,
			String sourceTitle, String sourceDate, String sourceUrl, List<String> documentTitles,
			List<String> documentUrls, Boolean synthetic, String stage, String stageDate, String evidence) {

		RegisterForm {
			trackIds = trackIds == null ? List.of() : List.copyOf(trackIds);
			documentTitles = documentTitles == null ? List.of() : documentTitles;
			documentUrls = documentUrls == null ? List.of() : documentUrls;
		}

		public boolean hasTrack(String id) {
			return trackIds.contains(id);
		}

		/** Three document rows, filled with what was typed. */
		public List<Project.Document> documentRows() {
			List<Project.Document> rows = new ArrayList<>();
			for (int i = 0; i < Math.max(3, Math.max(documentTitles.size(), documentUrls.size())); i++) {
				rows.add(new Project.Document(i < documentTitles.size() ? documentTitles.get(i) : "",
						i < documentUrls.size() ? documentUrls.get(i) : ""));
			}
			return rows;
		}

	}

	@GetMapping("/projects/new")
	String registerForm(@RequestParam(required = false) String district, Model model, Locale locale) {
		String scope = projects.districtScope("register projects");
		String districtCode = scope != null ? scope : blankToNull(district);
		if (districtCode != null) {
			atlas.district(districtCode);
		}
		RegisterForm form = new RegisterForm(null, null, null, districtCode, List.of(), null, null, null, null, null, null,
				null, List.of(), List.of(), false, Stage.SIGNED.name(), LocalDate.now().toString(), null);
		return registerPage(form, Map.of(), model);
	}

	@PostMapping("/projects/new")
	String register(@ModelAttribute("form") RegisterForm form, @RequestParam(required = false) String refresh, Model model,
			Locale locale, HttpServletResponse response) {
		projects.districtScope("register projects");
		if (refresh != null) {
			// the district changed: show its own tracks, keep everything typed
			return registerPage(form, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String actor = Access.caller().username();
		Long planned = support.amount(form.plannedInvestment(), "plannedInvestment", errors, locale);
		Long output = support.amount(form.expectedOutput(), "expectedOutput", errors, locale);
		Integer jobs = null;
		if (form.expectedJobs() != null && !form.expectedJobs().isBlank()) {
			try {
				jobs = Integer.valueOf(form.expectedJobs().strip());
			}
			catch (NumberFormatException e) {
				errors.put("expectedJobs", support.message("form.error.jobs", locale));
			}
		}
		LocalDate sourceDate = support.date(form.sourceDate(), "sourceDate", false, errors, locale);
		LocalDate stageDate = support.date(form.stageDate(), "stageDate", false, errors, locale);
		Stage stage = form.stage() == null || form.stage().isBlank() ? null : Stage.parse(form.stage()).orElse(null);
		List<Project.Document> documents = new ArrayList<>();
		for (Project.Document row : form.documentRows()) {
			if (!isBlank(row.title()) || !isBlank(row.url())) {
				documents.add(new Project.Document(blankToNull(row.title()), blankToNull(row.url())));
			}
		}
		Project.Source source = isBlank(form.sourceTitle()) && sourceDate == null && isBlank(form.sourceUrl()) ? null
				: new Project.Source(blankToNull(form.sourceTitle()), sourceDate, blankToNull(form.sourceUrl()));
		ProjectDraft draft = new ProjectDraft(form.name(), blankToNull(form.investorUscc()), form.investorName(),
				blankToNull(form.districtCode()), form.trackIds(), planned, output, jobs, blankToNull(form.site()), source,
				documents, Boolean.TRUE.equals(form.synthetic()), stage, stageDate, blankToNull(form.evidence()));
		// the service's own checks too, so one submission shows every problem
		for (FieldProblem problem : projects.check(draft, true)) {
			String field = formField(problem.field());
			if (!errors.containsKey(field)) {
				errors.put(field, support.say(problem, locale));
			}
		}
		if (errors.isEmpty()) {
			try {
				Project created = projects.create(draft, actor);
				return "redirect:/projects/" + created.id() + "?done=created";
			}
			catch (ProjectInputException e) {
				e.problems().forEach(p -> errors.merge(formField(p.field()), support.say(p, locale), (a, b) -> a + "; " + b));
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return registerPage(form, errors, model);
	}

	/** The service's field names as the form's. */
	private static String formField(String field) {
		return switch (field) {
			case "plannedInvestmentFen" -> "plannedInvestment";
			case "expectedOutputFen" -> "expectedOutput";
			case "source.url" -> "sourceUrl";
			case "source.date" -> "sourceDate";
			case "source.title" -> "sourceTitle";
			default -> field.startsWith("documents") ? "documents" : field;
		};
	}

	private String registerPage(RegisterForm form, Map<String, String> errors, Model model) {
		String districtCode = blankToNull(form.districtCode());
		boolean knownDistrict = districtCode != null
				&& atlas.districts().stream().anyMatch(d -> d.code().equals(districtCode));
		List<Track> districtTracks = knownDistrict
				? atlas.systemOf(districtCode, null).map(IndustrialSystem::allTracks).orElse(List.of())
				: List.of();
		// a district track aligned to a city track is still the district's own: both can be chosen
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("failed", "register");
		// a district officer registers their own district's projects: the form offers that one
		String scope = projects.districtScope("register projects");
		List<Region> districts = atlas.districts().stream().filter(d -> scope == null || d.code().equals(scope)).toList();
		model.addAttribute("districts", districts);
		model.addAttribute("trackGroups", support.cityTrackGroups());
		model.addAttribute("districtTracks", districtTracks);
		model.addAttribute("district", knownDistrict ? atlas.district(districtCode) : null);
		model.addAttribute("stages", Stage.pipeline());
		return "projects/new";
	}

}
