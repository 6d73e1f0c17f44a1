package dev.lantu.projects.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndicatorDefinition;
import dev.lantu.atlas.IndicatorReading;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.NotInAtlasException;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.SourceCatalogue;
import dev.lantu.projects.DistrictTotal;
import dev.lantu.projects.FieldProblem;
import dev.lantu.projects.Investment;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectConflictException;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectEvent;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectImport;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectNotFoundException;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;
import dev.lantu.projects.StageRefusedException;
import dev.lantu.projects.TargetService;
import dev.lantu.projects.TargetStatus;
import dev.lantu.projects.TrackShare;
import dev.lantu.tables.TableException;
import dev.lantu.tables.TableFormat;

/**
 * The pipeline's pages: the board (看板), a project with its timeline and the forms that change it, the
 * register form, the import, the city view and a district's profile. Every change goes through
 * {@link ProjectService} with the version the page showed, and redirects after it succeeds (POST,
 * redirect, GET); a refused change shows the page again with the reason and nothing changed.
 */
@Controller
class ProjectPages {

	static final int PAGE_SIZE = 20;

	/** Until accounts exist, a form's "your name" is remembered in this cookie (URL-encoded). */
	static final String ACTOR_COOKIE = "lantu-actor";

	private final ProjectService projects;

	private final ProjectImport imports;

	private final TargetService targets;

	private final AtlasService atlas;

	private final SourceCatalogue sources;

	private final MessageSource messages;

	private final Money money;

	ProjectPages(ProjectService projects, ProjectImport imports, TargetService targets, AtlasService atlas,
			SourceCatalogue sources, MessageSource messages) {
		this.projects = projects;
		this.imports = imports;
		this.targets = targets;
		this.atlas = atlas;
		this.sources = sources;
		this.messages = messages;
		this.money = new Money(messages);
	}

	/** Forms bind only their own fields; nothing can set a project's id or version through them. */
	@InitBinder
	void disallowIds(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	@ModelAttribute
	void common(Model model) {
		model.addAttribute("money", money);
	}

	// 看板 -------------------------------------------------------------------------------------------

	/** A project as a list shows it. */
	record ProjectRow(Project project, long daysInStage, boolean stalled, List<TrackRef> tracks) {
	}

	/** A track a project carries, by name; {@code city} when it is a track of the city system. */
	record TrackRef(String id, String name, boolean city) {
	}

	/** A stage of the funnel with its share of the largest, for the bars of the table. */
	record FunnelRow(Stage stage, long projects, long plannedInvestmentFen, int percent) {
	}

	/** A link to another page of the list. */
	record PageLink(int page, String href, boolean current) {
	}

	@GetMapping("/projects")
	String board(@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale) {
		String districtCode = blankToNull(district);
		if (districtCode != null) {
			atlas.district(districtCode);
		}
		ProjectFilter filter = new ProjectFilter(districtCode, blankToNull(track), null, year, blankToNull(q), null);
		PipelineBoard board = projects.board(filter);
		ProjectService.Page found = projects.search(filter, page, PAGE_SIZE);
		TrackIndex tracks = trackIndex(locale);
		Set<Long> stalledIds = board.stalled().stream().map(PipelineBoard.StalledProject::id).collect(Collectors.toSet());
		LocalDate today = LocalDate.now();
		List<ProjectRow> rows = found.projects().stream()
			.map(p -> new ProjectRow(p, p.daysInStage(today), stalledIds.contains(p.id()), tracks.refs(p.trackIds())))
			.toList();
		long synthetic = countSynthetic(filter);

		model.addAttribute("filter", filter);
		model.addAttribute("q", filter.text());
		model.addAttribute("districts", atlas.districts());
		model.addAttribute("districtNames", districtNames());
		model.addAttribute("trackGroups", cityTrackGroups());
		model.addAttribute("years", signingYears());
		model.addAttribute("funnel", funnelRows(board));
		model.addAttribute("funnelChart", funnelChart(board, locale));
		model.addAttribute("stalled", board.stalled());
		model.addAttribute("rows", rows);
		model.addAttribute("total", found.total());
		model.addAttribute("pages", pageLinks(filter, found));
		model.addAttribute("page", found.page());
		model.addAttribute("pageCount", pageCount(found));
		model.addAttribute("synthetic", synthetic);
		model.addAttribute("exportCsv", listUrl("/api/v1/projects/export", filter).queryParam("format", "csv").build().toUriString());
		model.addAttribute("exportXlsx", listUrl("/api/v1/projects/export", filter).queryParam("format", "xlsx").build().toUriString());
		return "projects/board";
	}

	private long countSynthetic(ProjectFilter filter) {
		return projects.search(new ProjectFilter(filter.districtCode(), filter.trackId(), filter.stage(), filter.year(),
				filter.text(), true), 0, 1).total();
	}

	private static List<FunnelRow> funnelRows(PipelineBoard board) {
		long max = board.funnel().stream().mapToLong(PipelineBoard.StageTotal::projects).max().orElse(0);
		return board.funnel().stream()
			.map(t -> new FunnelRow(t.stage(), t.projects(), t.plannedInvestmentFen(),
					max == 0 ? 0 : (int) Math.round(100.0 * t.projects() / max)))
			.toList();
	}

	/** The funnel for the chart: stages in pipeline order, counts, and the investment as words. */
	private Map<String, Object> funnelChart(PipelineBoard board, Locale locale) {
		List<String> stages = new ArrayList<>();
		List<Long> counts = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (PipelineBoard.StageTotal total : board.funnel()) {
			stages.add(message("stage." + total.stage().name(), locale));
			counts.add(total.projects());
			labels.add(messages.getMessage("board.chart.label", new Object[] { total.projects(),
					money.brief(total.plannedInvestmentFen(), locale) }, locale));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", stages);
		chart.put("values", counts);
		chart.put("labels", labels);
		return chart;
	}

	private List<PageLink> pageLinks(ProjectFilter filter, ProjectService.Page found) {
		int count = pageCount(found);
		List<PageLink> links = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (i == 0 || i == count - 1 || Math.abs(i - found.page()) <= 2) {
				links.add(new PageLink(i, listUrl("/projects", filter).queryParam("page", i).build().toUriString(),
						i == found.page()));
			}
		}
		return links;
	}

	private static int pageCount(ProjectService.Page found) {
		return (int) Math.max(1, (found.total() + found.size() - 1) / found.size());
	}

	private static UriComponentsBuilder listUrl(String path, ProjectFilter filter) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
		if (filter.districtCode() != null) {
			url.queryParam("district", filter.districtCode());
		}
		if (filter.trackId() != null) {
			url.queryParam("track", filter.trackId());
		}
		if (filter.year() != null) {
			url.queryParam("year", filter.year());
		}
		if (filter.text() != null) {
			url.queryParam("q", filter.text());
		}
		return url.encode();
	}

	/** The years projects were signed in, newest first (from the pipeline's own signings). */
	private List<Integer> signingYears() {
		return projects.signings(ProjectFilter.all()).stream().map(InvestmentTotal::year).distinct()
			.sorted(Comparator.reverseOrder()).toList();
	}

	// 项目 -------------------------------------------------------------------------------------------

	/** An entry of the timeline: a transition with the stages it skipped and the correction that undid it. */
	record TimelineEntry(ProjectEvent event, List<Stage> skipped, ProjectEvent correctedBy, ProjectEvent corrects) {

		public boolean correction() {
			return event.kind() == ProjectEvent.Kind.CORRECTION;
		}

	}

	record AdvanceForm(String version, String to, String date, String evidence, String reason, String actor) {
	}

	record CorrectionForm(String version, String event, String reason, String actor) {
	}

	record InvestmentForm(String version, String year, String amount, String note, String actor) {
	}

	@GetMapping("/projects/{id}")
	String project(@PathVariable long id, @RequestParam(required = false) String done,
			@CookieValue(name = ACTOR_COOKIE, required = false) String actorCookie, Model model, Locale locale) {
		String actor = actorOf(actorCookie);
		Project project = projects.get(id);
		model.addAttribute("advance", new AdvanceForm(null, null, LocalDate.now().toString(), null, null, actor));
		model.addAttribute("correction", new CorrectionForm(null, null, null, actor));
		model.addAttribute("investment", new InvestmentForm(null, String.valueOf(LocalDate.now().getYear()), null, null, actor));
		if (done != null && List.of("created", "advanced", "corrected", "invested").contains(done)) {
			model.addAttribute("done", done);
		}
		return projectPage(project, model, locale);
	}

	private String projectPage(Project project, Model model, Locale locale) {
		List<ProjectEvent> history = projects.history(project.id());
		TrackIndex tracks = trackIndex(locale);
		Map<Long, ProjectEvent> byId = history.stream().collect(Collectors.toMap(ProjectEvent::id, Function.identity()));
		Map<Long, ProjectEvent> correctionOf = history.stream()
			.filter(e -> e.kind() == ProjectEvent.Kind.CORRECTION && e.correctsEvent() != null)
			.collect(Collectors.toMap(ProjectEvent::correctsEvent, Function.identity(), (a, b) -> a));
		List<TimelineEntry> timeline = history.stream()
			.map(e -> new TimelineEntry(e,
					e.kind() == ProjectEvent.Kind.TRANSITION && e.fromStage() != null ? e.fromStage().skippedOnMoveTo(e.toStage())
							: List.of(),
					correctionOf.get(e.id()), e.correctsEvent() == null ? null : byId.get(e.correctsEvent())))
			.toList();
		List<ProjectEvent> effective = history.stream()
			.filter(e -> e.kind() == ProjectEvent.Kind.TRANSITION && !e.corrected())
			.toList();
		ProjectEvent correctable = effective.size() > 1 ? effective.get(effective.size() - 1) : null;
		List<Stage> nextStages = java.util.Arrays.stream(Stage.values())
			.filter(s -> project.stage().refusalOfMoveTo(s).isEmpty())
			.toList();

		model.addAttribute("project", project);
		model.addAttribute("district", districtNames().get(project.districtCode()));
		model.addAttribute("tracks", tracks.refs(project.trackIds()));
		model.addAttribute("timeline", timeline);
		List<Investment> investments = projects.investments(project.id());
		model.addAttribute("investments", investments);
		model.addAttribute("investmentChanges", projects.investmentChanges(project.id()));
		// nothing recorded is unknown, not zero
		model.addAttribute("investedFen", investments.isEmpty() ? null
				: investments.stream().mapToLong(Investment::amountFen).sum());
		model.addAttribute("daysInStage", project.daysInStage(LocalDate.now()));
		model.addAttribute("stalled", !project.stage().closed()
				&& project.daysInStage(LocalDate.now()) > project.stage().stalledAfterDays());
		model.addAttribute("correctable", correctable);
		model.addAttribute("nextStages", nextStages);
		model.addAttribute("stages", Stage.values());
		return "projects/project";
	}

	@PostMapping("/projects/{id}/stages")
	String advance(@PathVariable long id, @ModelAttribute("advance") AdvanceForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer version = version(form.version(), errors, locale);
		String actor = actor(form.actor(), errors, locale);
		Stage to = form.to() == null || form.to().isBlank() ? null : Stage.parse(form.to()).orElse(null);
		if (to == null) {
			errors.put("to", message("form.error.stage", locale));
		}
		LocalDate date = date(form.date(), "date", true, errors, locale);
		return change(id, "advance", errors, model, locale, response,
				() -> projects.advance(id, version, to, date, blankToNull(form.evidence()), blankToNull(form.reason()), actor),
				"advanced", actor);
	}

	@PostMapping("/projects/{id}/corrections")
	String correct(@PathVariable long id, @ModelAttribute("correction") CorrectionForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer version = version(form.version(), errors, locale);
		String actor = actor(form.actor(), errors, locale);
		Long event = null;
		try {
			event = Long.valueOf(form.event() == null ? "" : form.event().strip());
		}
		catch (NumberFormatException e) {
			errors.put("event", message("form.error.event", locale));
		}
		if (form.reason() == null || form.reason().isBlank()) {
			errors.put("reason", message("form.error.reason", locale));
		}
		Long eventId = event;
		return change(id, "correction", errors, model, locale, response,
				() -> projects.correct(id, version, eventId, form.reason().strip(), actor), "corrected", actor);
	}

	@PostMapping("/projects/{id}/investments")
	String invest(@PathVariable long id, @ModelAttribute("investment") InvestmentForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer version = version(form.version(), errors, locale);
		String actor = actor(form.actor(), errors, locale);
		Integer year = null;
		try {
			year = Integer.valueOf(form.year() == null ? "" : form.year().strip());
		}
		catch (NumberFormatException e) {
			errors.put("year", message("form.error.year", locale));
		}
		Long fen = amount(form.amount(), "amount", errors, locale);
		if (fen == null && !errors.containsKey("amount")) {
			errors.put("amount", message("form.error.amountNeeded", locale));
		}
		int y = year == null ? 0 : year;
		long amountFen = fen == null ? 0 : fen;
		return change(id, "investment", errors, model, locale, response,
				() -> projects.recordInvestment(id, version, y, amountFen, blankToNull(form.note()), actor), "invested", actor);
	}

	/**
	 * Applies a change of the project page and redirects to it; or shows the page again with what was
	 * wrong: the form's own errors, the service's problems by field, a refused move, or a conflict with
	 * someone else's change (409, nothing changed, the page showing their version).
	 */
	private String change(long id, String form, Map<String, String> errors, Model model, Locale locale,
			HttpServletResponse response, Runnable change, String done, String actor) {
		Project project = projects.get(id);
		if (errors.isEmpty()) {
			try {
				change.run();
				rememberActor(actor, response);
				return "redirect:/projects/" + id + "?done=" + done;
			}
			catch (ProjectConflictException e) {
				project = projects.get(id);
				response.setStatus(HttpStatus.CONFLICT.value());
				model.addAttribute("conflict", messages.getMessage("project.conflict",
						new Object[] { e.expectedVersion(), e.currentVersion(), project.updatedBy() }, locale));
			}
			catch (StageRefusedException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				model.addAttribute("refusal", e.getMessage());
			}
			catch (ProjectInputException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				e.problems().forEach(p -> errors.merge(p.field(), p.reason(), (a, b) -> a + "; " + b));
			}
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("failed", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("advance")) {
			model.addAttribute("advance", new AdvanceForm(null, null, LocalDate.now().toString(), null, null, actor));
		}
		if (!model.containsAttribute("correction")) {
			model.addAttribute("correction", new CorrectionForm(null, null, null, actor));
		}
		if (!model.containsAttribute("investment")) {
			model.addAttribute("investment", new InvestmentForm(null, String.valueOf(LocalDate.now().getYear()), null, null, actor));
		}
		return projectPage(project, model, locale);
	}

	// 登记 -------------------------------------------------------------------------------------------

	/** The register form as typed: money in 万元, dates as text, so a refused form comes back as it was. */
	record RegisterForm(String name, String investorName, String investorUscc, String districtCode,
			List<String> trackIds, String plannedInvestment, String expectedOutput, String expectedJobs, String site,
			String sourceTitle, String sourceDate, String sourceUrl, List<String> documentTitles,
			List<String> documentUrls, Boolean synthetic, String stage, String stageDate, String evidence, String actor) {

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
	String registerForm(@RequestParam(required = false) String district,
			@CookieValue(name = ACTOR_COOKIE, required = false) String actorCookie, Model model, Locale locale) {
		String districtCode = blankToNull(district);
		if (districtCode != null) {
			atlas.district(districtCode);
		}
		RegisterForm form = new RegisterForm(null, null, null, districtCode, List.of(), null, null, null, null, null, null,
				null, List.of(), List.of(), false, Stage.SIGNED.name(), LocalDate.now().toString(), null,
				actorOf(actorCookie));
		return registerPage(form, Map.of(), model);
	}

	@PostMapping("/projects/new")
	String register(@ModelAttribute("form") RegisterForm form, @RequestParam(required = false) String refresh, Model model,
			Locale locale, HttpServletResponse response) {
		if (refresh != null) {
			// the district changed: show its own tracks, keep everything typed
			return registerPage(form, Map.of(), model);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String actor = actor(form.actor(), errors, locale);
		Long planned = amount(form.plannedInvestment(), "plannedInvestment", errors, locale);
		Long output = amount(form.expectedOutput(), "expectedOutput", errors, locale);
		Integer jobs = null;
		if (form.expectedJobs() != null && !form.expectedJobs().isBlank()) {
			try {
				jobs = Integer.valueOf(form.expectedJobs().strip());
			}
			catch (NumberFormatException e) {
				errors.put("expectedJobs", message("form.error.jobs", locale));
			}
		}
		LocalDate sourceDate = date(form.sourceDate(), "sourceDate", false, errors, locale);
		LocalDate stageDate = date(form.stageDate(), "stageDate", false, errors, locale);
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
				errors.put(field, problem.reason());
			}
		}
		if (errors.isEmpty()) {
			try {
				Project created = projects.create(draft, actor);
				rememberActor(actor, response);
				return "redirect:/projects/" + created.id() + "?done=created";
			}
			catch (ProjectInputException e) {
				e.problems().forEach(p -> errors.merge(formField(p.field()), p.reason(), (a, b) -> a + "; " + b));
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
		model.addAttribute("districts", atlas.districts());
		model.addAttribute("trackGroups", cityTrackGroups());
		model.addAttribute("districtTracks", districtTracks);
		model.addAttribute("district", knownDistrict ? atlas.district(districtCode) : null);
		model.addAttribute("stages", Stage.pipeline());
		return "projects/new";
	}

	// 导入 -------------------------------------------------------------------------------------------

	@GetMapping("/projects/import")
	String importForm(@CookieValue(name = ACTOR_COOKIE, required = false) String actorCookie, Model model) {
		model.addAttribute("actor", actorOf(actorCookie));
		model.addAttribute("mode", "atomic");
		model.addAttribute("dryRun", false);
		return "projects/import";
	}

	@PostMapping("/projects/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "atomic") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(required = false) String actor,
			Model model, Locale locale, HttpServletResponse response) throws IOException {
		model.addAttribute("actor", actor);
		model.addAttribute("mode", mode);
		model.addAttribute("dryRun", dryRun);
		Map<String, String> errors = new LinkedHashMap<>();
		String who = actor(actor, errors, locale);
		ProjectImport.Mode parsedMode = "skip-invalid".equals(mode) ? ProjectImport.Mode.SKIP_INVALID
				: ProjectImport.Mode.ATOMIC;
		Optional<TableFormat> format = Optional.empty();
		if (file == null || file.isEmpty()) {
			errors.put("file", message("import.error.noFile", locale));
		}
		else {
			format = TableFormat.ofFileName(file.getOriginalFilename());
			if (format.isEmpty()) {
				errors.put("file", message("import.error.format", locale));
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "projects/import";
		}
		try {
			ProjectImport.Report report = imports.importFile(file.getBytes(), file.getOriginalFilename(), format.get(),
					parsedMode, dryRun, who);
			// as the API answers: refused (422) only when problems kept an all-or-nothing import from happening
			boolean refused = !dryRun && parsedMode == ProjectImport.Mode.ATOMIC && !report.problems().isEmpty();
			model.addAttribute("report", report);
			model.addAttribute("refused", refused);
			if (refused) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
			else if (!dryRun && report.valid() > 0) {
				rememberActor(who, response);
			}
		}
		catch (ProjectInputException e) {
			// the file as a whole: its headers, its size
			model.addAttribute("fileProblems", e.problems());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		catch (TableException e) {
			model.addAttribute("unreadable", e.getMessage());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "projects/import";
	}

	/** The rejects of a skip-invalid import, posted back from the report, as the CSV file they are. */
	@PostMapping("/projects/import/rejects")
	ResponseEntity<byte[]> rejects(@RequestParam String csv, @RequestParam(required = false) String file) {
		String base = file == null || file.isBlank() ? "projects" : file.replaceAll("\\.[^.]*$", "");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(TableFormat.CSV.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(base + "-rejects.csv", StandardCharsets.UTF_8).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	// 城市视图 ---------------------------------------------------------------------------------------

	/** A district on the city map: its totals and the words of its tooltip. */
	record DistrictRow(Region district, DistrictTotal total) {
	}

	/** A track's investment made, year by year (fen), and its total. */
	record TrackInvestment(TrackRef track, Map<Integer, Long> byYear, long totalFen) {
	}

	/** A track's share of the signings, in numbers and in words. */
	record ShareRow(TrackRef track, TrackShare share, String words, int percent) {
	}

	@GetMapping("/projects/city")
	String city(@RequestParam(required = false) String track, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String shareDistrict, @RequestParam(required = false) Integer shareYear,
			@RequestParam(defaultValue = "projects") String measure, Model model, Locale locale) {
		String trackId = blankToNull(track);
		String sharesIn = blankToNull(shareDistrict);
		Region sharesRegion = sharesIn == null ? atlas.city() : atlas.district(sharesIn);
		String shownMeasure = List.of("projects", "planned", "invested").contains(measure) ? measure : "projects";
		ProjectFilter filter = new ProjectFilter(null, trackId, null, year, null, null);
		TrackIndex tracks = trackIndex(locale);
		Map<String, Region> districts = districtNames();

		List<DistrictRow> rows = projects.byDistrict(filter).stream()
			.map(t -> new DistrictRow(districts.get(t.districtCode()), t))
			.filter(r -> r.district() != null)
			.toList();
		long synthetic = rows.stream().mapToLong(r -> r.total().synthetic()).sum();

		// investment made, by track and year
		Map<String, Map<Integer, Long>> byTrack = new LinkedHashMap<>();
		Set<Integer> investmentYears = new TreeSet<>();
		for (InvestmentTotal t : projects.investmentBy("track", filter)) {
			byTrack.computeIfAbsent(t.group(), k -> new TreeMap<>()).merge(t.year(), t.amountFen(), Long::sum);
			investmentYears.add(t.year());
		}
		List<TrackInvestment> trackInvestment = byTrack.entrySet().stream()
			.map(e -> new TrackInvestment(tracks.ref(e.getKey()), e.getValue(),
					e.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.sorted(Comparator.comparingLong(TrackInvestment::totalFen).reversed())
			.toList();

		// the share of each track in a district's (or the city's) signings of a year
		List<Integer> years = signingYears();
		Integer sharesYear = shareYear != null ? shareYear : years.isEmpty() ? LocalDate.now().getYear() : years.get(0);
		List<TrackShare> shares = projects.trackShares(new ProjectFilter(sharesIn, null, null, null, null, null), sharesYear);
		List<ShareRow> shareRows = shares.stream()
			.map(s -> new ShareRow(tracks.ref(s.trackId()), s,
					shareSentence(sharesRegion, sharesYear, s, tracks.ref(s.trackId()), locale),
					(int) Math.round(100 * s.share())))
			.toList();
		long signed = shares.isEmpty() ? countSigned(sharesIn, sharesYear) : shares.get(0).of();

		model.addAttribute("city", atlas.city());
		model.addAttribute("rows", rows);
		model.addAttribute("synthetic", synthetic);
		model.addAttribute("mapData", mapData(rows, shownMeasure, locale));
		model.addAttribute("measure", shownMeasure);
		model.addAttribute("trackInvestment", trackInvestment);
		model.addAttribute("investmentYears", investmentYears);
		model.addAttribute("trackChart", trackChart(trackInvestment, locale));
		model.addAttribute("track", trackId);
		model.addAttribute("year", year);
		model.addAttribute("years", years);
		model.addAttribute("trackGroups", cityTrackGroups());
		model.addAttribute("districts", atlas.districts());
		model.addAttribute("shareDistrict", sharesIn);
		model.addAttribute("sharesRegion", sharesRegion);
		model.addAttribute("shareYear", sharesYear);
		model.addAttribute("shareRows", shareRows);
		model.addAttribute("signed", signed);
		return "projects/city";
	}

	private long countSigned(String districtCode, int year) {
		return projects.search(new ProjectFilter(districtCode, null, null, year, null, null), 0, 1).total();
	}

	/** "About a third of the 16 projects signed in Panyu District in 2025 (5) are in 智能网联与新能源汽车." */
	String shareSentence(Region region, int year, TrackShare share, TrackRef track, Locale locale) {
		String fraction = messages.getMessage("share.fraction." + fractionKey(share.projects(), share.of()),
				new Object[] { Math.round(100 * share.share()) }, locale);
		return messages.getMessage("share.sentence", new Object[] { region.name().in(locale), year, share.of(), fraction,
				share.projects(), track.name() }, locale);
	}

	/**
	 * The fraction people would say: exactly one of a few common ones, or "about" one when it is within three
	 * points of it, else "about n%" (2 of 7 is neither a quarter nor a third).
	 */
	static String fractionKey(long part, long whole) {
		if (whole <= 0 || part <= 0) {
			return "none";
		}
		if (part >= whole) {
			return "all";
		}
		long[][] fractions = { { 3, 4 }, { 2, 3 }, { 1, 2 }, { 2, 5 }, { 1, 3 }, { 1, 4 }, { 1, 5 }, { 1, 10 } };
		String[] names = { "threeQuarters", "twoThirds", "half", "twoFifths", "third", "quarter", "fifth", "tenth" };
		double share = (double) part / whole;
		int best = 0;
		for (int i = 1; i < fractions.length; i++) {
			if (Math.abs(share - (double) fractions[i][0] / fractions[i][1]) < Math.abs(
					share - (double) fractions[best][0] / fractions[best][1])) {
				best = i;
			}
		}
		if (part * fractions[best][1] == whole * fractions[best][0]) {
			return names[best] + ".exact";
		}
		if (Math.abs(share - (double) fractions[best][0] / fractions[best][1]) <= 0.03) {
			return names[best] + ".about";
		}
		return share < 0.05 ? "few" : "percent";
	}

	private Map<String, Object> mapData(List<DistrictRow> rows, String measure, Locale locale) {
		List<Map<String, Object>> districts = new ArrayList<>();
		for (DistrictRow row : rows) {
			DistrictTotal t = row.total();
			Map<String, Object> d = new LinkedHashMap<>();
			d.put("code", t.districtCode());
			d.put("name", row.district().name().in(locale));
			d.put("value", switch (measure) {
				case "planned" -> Money.yi(t.plannedInvestmentFen());
				case "invested" -> Money.yi(t.investedFen());
				default -> t.projects();
			});
			List<String> lines = new ArrayList<>();
			lines.add(messages.getMessage("city.tooltip.projects", new Object[] { t.projects() }, locale));
			lines.add(messages.getMessage("city.tooltip.planned", new Object[] { money.brief(t.plannedInvestmentFen(), locale) },
					locale));
			lines.add(messages.getMessage("city.tooltip.invested", new Object[] { money.brief(t.investedFen(), locale) },
					locale));
			if (t.synthetic() > 0) {
				lines.add(messages.getMessage("city.tooltip.synthetic", new Object[] { t.synthetic() }, locale));
			}
			d.put("lines", lines);
			d.put("label", "planned".equals(measure) || "invested".equals(measure)
					? money.brief("planned".equals(measure) ? t.plannedInvestmentFen() : t.investedFen(), locale)
					: String.valueOf(t.projects()));
			districts.add(d);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("districts", districts);
		return data;
	}

	private Map<String, Object> trackChart(List<TrackInvestment> rows, Locale locale) {
		List<String> names = new ArrayList<>();
		List<java.math.BigDecimal> values = new ArrayList<>();
		List<String> labels = new ArrayList<>();
		for (TrackInvestment row : rows) {
			names.add(row.track().name());
			values.add(Money.yi(row.totalFen()));
			labels.add(money.brief(row.totalFen(), locale));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("categories", names);
		chart.put("values", values);
		chart.put("labels", labels);
		return chart;
	}

	// 区概况 -----------------------------------------------------------------------------------------

	/** An indicator value with its definition. */

	/** A target with the definition of its indicator (for the unit). */
	record TargetRow(TargetStatus status, IndicatorDefinition indicator) {

		/** How the target compares, as its message key says it: over, about, at least. */
		public String comparison() {
			return switch (status.target().comparison()) {
				case ">" -> "over";
				case "~" -> "about";
				default -> "atLeast";
			};
		}

	}

	@GetMapping("/districts/{code}/profile")
	String profile(@PathVariable String code, Model model, Locale locale) {
		Region district = atlas.district(code);
		Optional<IndustrialSystem> system = atlas.systemOf(code, null);
		Map<String, IndicatorDefinition> definitions = atlas.indicatorDefinitions().stream()
			.collect(Collectors.toMap(IndicatorDefinition::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		List<IndicatorReading> indicators = atlas.readings(code);
		List<TargetRow> targetRows = targets.all(code).stream()
			.map(t -> new TargetRow(t, definitions.get(t.target().indicator())))
			.toList();
		ProjectFilter filter = new ProjectFilter(code, null, null, null, null, null);
		PipelineBoard board = projects.board(filter);
		ProjectService.Page latest = projects.search(filter, 0, 10);
		TrackIndex tracks = trackIndex(locale);
		LocalDate today = LocalDate.now();
		Set<Long> stalledIds = board.stalled().stream().map(PipelineBoard.StalledProject::id).collect(Collectors.toSet());

		Set<String> cited = new LinkedHashSet<>();
		system.ifPresent(s -> cited.addAll(s.provenance().sources()));
		indicators.forEach(i -> cited.addAll(i.value().provenance().sources()));
		targetRows.forEach(t -> cited.addAll(t.status().target().provenance().sources()));

		model.addAttribute("district", district);
		model.addAttribute("districtNames", districtNames());
		model.addAttribute("system", system.orElse(null));
		model.addAttribute("indicators", indicators);
		model.addAttribute("targets", targetRows);
		model.addAttribute("funnel", funnelRows(board));
		model.addAttribute("stalledCount", board.stalled().size());
		model.addAttribute("latest", latest.projects().stream()
			.map(p -> new ProjectRow(p, p.daysInStage(today), stalledIds.contains(p.id()), tracks.refs(p.trackIds())))
			.toList());
		model.addAttribute("total", latest.total());
		model.addAttribute("signings", projects.signings(filter).stream()
			.sorted(Comparator.comparingInt(InvestmentTotal::year).reversed()).toList());
		model.addAttribute("synthetic", countSynthetic(filter));
		model.addAttribute("sources", sources.byIds(cited));
		return "projects/profile";
	}

	// 错误 -------------------------------------------------------------------------------------------

	@ExceptionHandler(ProjectNotFoundException.class)
	ModelAndView noSuchProject(ProjectNotFoundException e, HttpServletRequest request) {
		return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request);
	}

	@ExceptionHandler(NotInAtlasException.class)
	ModelAndView notInAtlas(NotInAtlasException e, HttpServletRequest request) {
		return errorPage(HttpStatus.NOT_FOUND, e.getMessage(), request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ModelAndView badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
		return errorPage(HttpStatus.BAD_REQUEST, "'" + e.getName() + "': '" + e.getValue() + "'", request);
	}

	/** A filter the service refuses (an unknown track, say): the request was wrong, not the server. */
	@ExceptionHandler(IllegalArgumentException.class)
	ModelAndView badArgument(IllegalArgumentException e, HttpServletRequest request) {
		return errorPage(HttpStatus.BAD_REQUEST, e.getMessage(), request);
	}

	/** The shell's error page (templates/error.html), as Spring Boot's error controller fills it. */
	private static ModelAndView errorPage(HttpStatus status, String detail, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("error", status.getReasonPhrase());
		page.addObject("detail", detail);
		page.addObject("path", request.getRequestURI());
		return page;
	}

	// -----------------------------------------------------------------------------------------------

	/**
	 * The tracks of the city system and of every district system, named in one language. A district's
	 * own track carries its district's name, since it often shares its name with the city track it
	 * aligns to (番禺区's 智能网联与新能源汽车 beside the city's).
	 */
	record TrackIndex(Map<String, TrackRef> tracks) {

		TrackRef ref(String id) {
			return tracks.getOrDefault(id, new TrackRef(id, id, false));
		}

		List<TrackRef> refs(List<String> ids) {
			return ids.stream().map(this::ref).toList();
		}

	}

	private TrackIndex trackIndex(Locale locale) {
		Map<String, TrackRef> tracks = new LinkedHashMap<>();
		atlas.citySystem(null).allTracks().forEach(t -> tracks.put(t.id(), new TrackRef(t.id(), t.name().in(locale), true)));
		for (Region d : atlas.districts()) {
			atlas.systemOf(d.code(), null).ifPresent(s -> s.allTracks().forEach(t -> tracks.putIfAbsent(t.id(),
					new TrackRef(t.id(), messages.getMessage("track.ofDistrict",
							new Object[] { t.name().in(locale), d.name().in(locale) }, locale), false))));
		}
		return new TrackIndex(tracks);
	}

	/** The city system's tracks under its top layers, for selects and checkboxes. */
	private List<Layer> cityTrackGroups() {
		return atlas.citySystem(null).segments().stream()
			.flatMap(s -> s.layers().stream())
			.filter(l -> !l.allTracks().isEmpty())
			.toList();
	}

	private Map<String, Region> districtNames() {
		Map<String, Region> names = new LinkedHashMap<>();
		atlas.districts().forEach(d -> names.put(d.code(), d));
		return names;
	}

	private String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	private Integer version(String text, Map<String, String> errors, Locale locale) {
		try {
			return Integer.valueOf(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			errors.put("version", message("form.error.version", locale));
			return null;
		}
	}

	private String actor(String text, Map<String, String> errors, Locale locale) {
		if (isBlank(text)) {
			errors.put("actor", message("form.error.actor", locale));
			return null;
		}
		return text.strip();
	}

	private LocalDate date(String text, String field, boolean required, Map<String, String> errors, Locale locale) {
		if (isBlank(text)) {
			if (required) {
				errors.put(field, message("form.error.dateNeeded", locale));
			}
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, message("form.error.date", locale));
			return null;
		}
	}

	private Long amount(String text, String field, Map<String, String> errors, Locale locale) {
		try {
			return Money.fenOfWan(text);
		}
		catch (Money.AmountException e) {
			errors.put(field, message("form.error.amount." + e.refusal().name(), locale));
			return null;
		}
	}

	private static void rememberActor(String actor, HttpServletResponse response) {
		if (actor == null) {
			return;
		}
		Cookie cookie = new Cookie(ACTOR_COOKIE, URLEncoder.encode(actor, StandardCharsets.UTF_8));
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(60 * 60 * 24 * 365);
		response.addCookie(cookie);
	}

	private static String actorOf(String cookie) {
		if (cookie == null || cookie.isBlank()) {
			return null;
		}
		try {
			return URLDecoder.decode(cookie, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String blankToNull(String text) {
		return isBlank(text) ? null : text.strip();
	}

}
