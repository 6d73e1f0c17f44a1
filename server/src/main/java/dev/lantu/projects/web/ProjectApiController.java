package dev.lantu.projects.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.accounts.Access;
import dev.lantu.projects.DistrictTotal;
import dev.lantu.projects.FieldProblem;
import dev.lantu.projects.Investment;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectDraft;
import dev.lantu.projects.ProjectEvent;
import dev.lantu.projects.ProjectExport;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectImport;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;
import dev.lantu.projects.TrackShare;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableFormat;
import dev.lantu.web.FileNames;
import dev.lantu.web.UploadTooLargeException;

/**
 * The investment pipeline over REST. Changes carry the {@code version} they were made on; a stale one
 * gets 409. Who makes a change is who is signed in; the service decides what they may see and change
 * (a district officer their district's projects, the administrator all; a project they may not see is a 404).
 */
@RestController
@RequestMapping("/api/v1/projects")
@Tag(name = "projects", description = "Investment projects: pipeline, stage history, investment")
class ProjectApiController {

	private final ProjectService projects;

	private final ProjectImport imports;

	private final ProjectExport exports;

	ProjectApiController(ProjectService projects, ProjectImport imports, ProjectExport exports) {
		this.projects = projects;
		this.imports = imports;
		this.exports = exports;
	}

	static ProjectFilter filter(String district, String track, String stage, Integer year, String q, Boolean synthetic) {
		Stage parsed = null;
		if (stage != null && !stage.isBlank()) {
			parsed = Stage.parse(stage).orElseThrow(() -> new ProjectInputException(List.of(new FieldProblem("stage",
					stage, "expected one of " + java.util.Arrays.toString(Stage.values())))));
		}
		return new ProjectFilter(blankToNull(district), blankToNull(track), parsed, year, blankToNull(q), synthetic);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@GetMapping
	@Operation(summary = "Projects, filtered by district, track, stage, signing year and text; newest first")
	ProjectService.Page list(@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean synthetic,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return projects.search(filter(district, track, stage, year, q, synthetic), page, size);
	}

	@PostMapping
	@Operation(summary = "Register a project at its first stage (e.g. SIGNED at a conference); amounts in fen")
	ResponseEntity<Project> create(@RequestBody ProjectDraft draft) {
		Project created = projects.create(draft, actor());
		return ResponseEntity.created(URI.create("/api/v1/projects/" + created.id())).body(created);
	}

	/** A project with its whole stage history and its investment. */
	record ProjectDetail(Project project, List<ProjectEvent> history, List<Investment> investments,
			List<Investment.Change> investmentChanges, long daysInStage) {
	}

	@GetMapping("/{id}")
	@Operation(summary = "A project with its stage history (corrections included) and investment by year")
	ProjectDetail get(@PathVariable long id) {
		Project project = projects.get(id);
		return new ProjectDetail(project, projects.history(id), projects.investments(id), projects.investmentChanges(id),
				project.daysInStage(LocalDate.now()));
	}

	/** A change of description, made on a version. */
	record ProjectUpdate(Integer version, ProjectDraft project) {
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change a project's description (not its stage); body: {version, project: {...}}")
	Project update(@PathVariable long id, @RequestBody ProjectUpdate update) {
		return projects.update(id, requireVersion(update.version()), requireProject(update.project()), actor());
	}

	record StageMove(Integer version, String to, LocalDate date, String evidence, String reason) {
	}

	@PostMapping("/{id}/stages")
	@Operation(summary = "Move a project to a later stage, or to TERMINATED (终止) with a reason")
	Project advance(@PathVariable long id, @RequestBody StageMove move) {
		Stage to = move.to() == null ? null : Stage.parse(move.to()).orElseThrow(() -> new ProjectInputException(
				List.of(new FieldProblem("to", move.to(), "expected one of " + java.util.Arrays.toString(Stage.values())))));
		return projects.advance(id, requireVersion(move.version()), to, move.date(), move.evidence(), move.reason(), actor());
	}

	record Correction(Integer version, Long event, String reason) {
	}

	@PostMapping("/{id}/corrections")
	@Operation(summary = "Undo the latest stage entry with a reason; it stays in the history, marked corrected")
	Project correct(@PathVariable long id, @RequestBody Correction correction) {
		if (correction.event() == null) {
			throw new ProjectInputException(List.of(new FieldProblem("event", null, "the id of the entry to correct is needed")));
		}
		return projects.correct(id, requireVersion(correction.version()), correction.event(), correction.reason(), actor());
	}

	record InvestmentEntry(Integer version, Long amountFen, String note) {
	}

	@PutMapping("/{id}/investments/{year}")
	@Operation(summary = "Record the fixed-asset investment a project made in a year (fen)")
	Project invest(@PathVariable long id, @PathVariable int year, @RequestBody InvestmentEntry entry) {
		if (entry.amountFen() == null) {
			throw new ProjectInputException(List.of(new FieldProblem("amountFen", null, "the amount in fen is needed")));
		}
		return projects.recordInvestment(id, requireVersion(entry.version()), year, entry.amountFen(), entry.note(), actor());
	}

	/** Who makes a change: the signed-in account. */
	static String actor() {
		return Access.caller().username();
	}

	private static int requireVersion(Integer version) {
		if (version == null) {
			throw new ProjectInputException(List.of(new FieldProblem("version", null,
					"the version of the project the change was made on is needed (it guards against lost updates)")));
		}
		return version;
	}

	private static ProjectDraft requireProject(ProjectDraft draft) {
		if (draft == null) {
			throw new ProjectInputException(List.of(new FieldProblem("project", null, "the project's description is needed")));
		}
		return draft;
	}

	@GetMapping("/board")
	@Operation(summary = "The pipeline board: the funnel by stage (counts, planned investment) and stalled projects")
	PipelineBoard board(@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean synthetic) {
		return projects.board(filter(district, track, null, year, null, synthetic));
	}

	@GetMapping("/investment")
	@Operation(summary = "Investment made per year, grouped by district, track or stage (fen)")
	List<InvestmentTotal> investment(@RequestParam(defaultValue = "district") String groupBy,
			@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) String stage, @RequestParam(required = false) String q,
			@RequestParam(required = false) Boolean synthetic) {
		return projects.investmentBy(groupBy, filter(district, track, stage, null, q, synthetic));
	}

	@GetMapping("/signings")
	@Operation(summary = "Projects signed per district and year, with their planned investment (derived indicators)")
	List<InvestmentTotal> signings(@RequestParam(required = false) String district,
			@RequestParam(required = false) String track, @RequestParam(required = false) Boolean synthetic) {
		return projects.signings(filter(district, track, null, null, null, synthetic));
	}

	@GetMapping("/by-district")
	@Operation(summary = "Per district: projects, planned and actual investment (the city view's map)")
	List<DistrictTotal> byDistrict(@RequestParam(required = false) String track,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean synthetic) {
		return projects.byDistrict(filter(null, track, null, year, null, synthetic));
	}

	@GetMapping("/track-shares")
	@Operation(summary = "Each track's share of the projects signed in a year (this year when not given), in a district "
			+ "or the city")
	List<TrackShare> trackShares(@RequestParam(required = false) String district,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Boolean synthetic) {
		// year optional, so a visitor is told to sign in rather than that a parameter is missing
		return projects.trackShares(filter(district, null, null, null, null, synthetic),
				year != null ? year : LocalDate.now().getYear());
	}


	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import projects from CSV or XLSX (see /template): atomic by default; mode=skip-invalid imports "
			+ "the valid rows and returns the rejects; dryRun=true only checks. 422 when nothing was imported because of problems")
	ResponseEntity<ProjectImport.Report> importProjects(@RequestParam MultipartFile file,
			@RequestParam(defaultValue = "atomic") String mode, @RequestParam(defaultValue = "false") boolean dryRun) throws IOException {
		FileNames.checked("file", file.getOriginalFilename());
		TableFormat format = TableFormat.ofFileName(file.getOriginalFilename())
			.orElseThrow(() -> new ProjectInputException(List.of(new FieldProblem("file", file.getOriginalFilename(),
					"expected a .csv or .xlsx file"))));
		ImportMode parsedMode = ImportMode.parse(mode).orElseThrow(() -> new ProjectInputException(
				List.of(new FieldProblem("mode", mode, "expected atomic or skip-invalid"))));
		if (file.getSize() > ProjectImport.MAX_BYTES) {
			// refused before its bytes are held in memory
			throw new UploadTooLargeException("file", file.getOriginalFilename(), file.getSize(), ProjectImport.MAX_BYTES);
		}
		ProjectImport.Report report = imports.importFile(file.getBytes(), file.getOriginalFilename(), format, parsedMode,
				dryRun, actor());
		boolean refused = !dryRun && parsedMode == ImportMode.ATOMIC && !report.problems().isEmpty();
		return ResponseEntity.status(refused ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK).body(report);
	}

	@GetMapping("/template")
	@Operation(summary = "The import template: the columns, Chinese headers, money in 万元")
	ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format) {
		TableFormat parsed = format(format);
		return attachment("项目导入模板." + parsed.extension(), parsed, exports.template(parsed));
	}

	@GetMapping("/export")
	@Operation(summary = "Export the filtered projects as CSV or XLSX, in the import's columns")
	ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) String district, @RequestParam(required = false) String track,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean synthetic) {
		TableFormat parsed = format(format);
		return attachment("projects." + parsed.extension(), parsed,
				exports.export(filter(district, track, stage, year, q, synthetic), parsed));
	}

	private static TableFormat format(String format) {
		return TableFormat.parse(format).orElseThrow(() -> new ProjectInputException(
				List.of(new FieldProblem("format", format, "expected csv or xlsx"))));
	}

	private static ResponseEntity<byte[]> attachment(String name, TableFormat format, byte[] content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(content);
	}

}
