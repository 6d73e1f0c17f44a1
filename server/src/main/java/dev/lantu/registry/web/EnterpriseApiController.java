package dev.lantu.registry.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.accounts.Access;
import dev.lantu.registry.EnterpriseDetail;
import dev.lantu.registry.EnterpriseExport;
import dev.lantu.registry.EnterpriseFacts;
import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseImport;
import dev.lantu.registry.EnterprisePage;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.ImportProgress;
import dev.lantu.registry.QualificationType;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.TableFormat;
import dev.lantu.web.FileNames;

/**
 * The enterprise registry over REST: search, one enterprise with its history and facts, import (atomic
 * by default; mode=skip-invalid; dryRun; async with progress), export and the template. Who imports is who
 * is signed in; the services decide what each caller may see and do (docs/accounts.md).
 */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "enterprises", description = "The enterprise registry: search, import, export")
class EnterpriseApiController {

	private final EnterpriseService enterprises;

	private final EnterpriseExport exports;

	private final ImportJobs jobs;

	EnterpriseApiController(EnterpriseService enterprises, EnterpriseExport exports, ImportJobs jobs) {
		this.enterprises = enterprises;
		this.exports = exports;
		this.jobs = jobs;
	}

	static EnterpriseFilter filter(String q, String district, String industry, String qualification, Boolean synthetic) {
		QualificationType type = null;
		if (qualification != null && !qualification.isBlank()) {
			type = QualificationType.parse(qualification).orElseThrow(() -> new RegistryInputException("qualification",
					qualification, "expected one of " + QualificationType.known()));
		}
		return new EnterpriseFilter(blankToNull(q), blankToNull(district), blankToNull(industry), type, synthetic);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	@GetMapping
	@Operation(summary = "Search the registry by name or USCC (q), district, industry (any GB/T 4754 level), "
			+ "qualification held today, synthetic; by name, paged")
	EnterprisePage search(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String qualification,
			@RequestParam(required = false) Boolean synthetic, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return enterprises.search(filter(q, district, industry, qualification, synthetic), page, size);
	}

	@GetMapping("/{uscc}")
	@Operation(summary = "One enterprise: identity, industry lineage, figures by year (fen, counts, 0/1), "
			+ "qualifications, filings, and the history of every change")
	EnterpriseDetail get(@PathVariable String uscc) {
		return enterprises.detail(uscc);
	}

	@GetMapping("/{uscc}/facts")
	@Operation(summary = "The enterprise's facts under the policy engine's variable names, as of a day (default today)")
	EnterpriseFacts facts(@PathVariable String uscc, @RequestParam(required = false) LocalDate asOf) {
		return enterprises.facts(uscc, asOf == null ? LocalDate.now() : asOf);
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import enterprises from CSV (UTF-8, BOM, GBK) or XLSX (see /template). Atomic by default: "
			+ "422 and nothing written when a row is invalid; mode=skip-invalid writes the valid rows and offers the "
			+ "rejects; dryRun=true only checks; async=true answers 202 at once with the job to poll")
	ResponseEntity<?> importEnterprises(@RequestParam MultipartFile file,
			@RequestParam(defaultValue = "atomic") String mode, @RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean async) throws IOException {
		FileNames.checked("file", file.getOriginalFilename());
		String actor = Access.caller().username();
		TableFormat format = TableFormat.ofFileName(file.getOriginalFilename())
			.orElseThrow(() -> new RegistryInputException("file", file.getOriginalFilename(), "expected a .csv or .xlsx file"));
		ImportMode parsedMode = ImportMode.parse(mode)
			.orElseThrow(() -> new RegistryInputException("mode", mode, "expected atomic or skip-invalid"));
		ImportJobs.Job job = jobs.create(file, parsedMode, dryRun);
		if (async) {
			jobs.start(job, format, actor);
			return ResponseEntity.accepted().location(URI.create("/api/v1/enterprises/imports/" + job.id)).body(status(job));
		}
		jobs.run(job, format, actor);
		if (job.report.refused()) {
			throw new ImportRefused(job.report, job.id);
		}
		return ResponseEntity.ok(status(job));
	}

	/** An import job as the API shows it: where it is and, when done, its report and where its rejects are. */
	record ImportStatus(String id, String file, ImportProgress.Phase phase, double fraction, int rowsChecked,
			int rowsWritten, EnterpriseImport.Report report, String rejects) {
	}

	static ImportStatus status(ImportJobs.Job job) {
		String rejects = job.rejects == null ? null : "/api/v1/enterprises/imports/" + job.id + "/rejects";
		return new ImportStatus(job.id, job.file, job.progress.phase(), job.progress.fraction(), job.progress.rowsChecked(),
				job.progress.rowsWritten(), job.report, rejects);
	}

	@GetMapping("/imports/{id}")
	@Operation(summary = "An import's progress, and its report when done")
	ImportStatus importStatus(@PathVariable String id) {
		ImportJobs.Job job = job(id);
		if (job.fileProblems != null) {
			throw new dev.lantu.registry.ImportRefusedException(job.fileProblems);
		}
		if (job.unreadable != null) {
			throw new dev.lantu.tables.TableException(job.unreadable);
		}
		return status(job);
	}

	@GetMapping("/imports/{id}/rejects")
	@Operation(summary = "The rows a skip-invalid import did not import, as CSV with a reason column")
	ResponseEntity<Resource> rejects(@PathVariable String id) {
		ImportJobs.Job job = job(id);
		if (job.rejects == null || !Files.exists(job.rejects)) {
			throw new RegistryInputException("id", id, "this import has no rejects file");
		}
		String base = FileNames.forDownload(job.file, "enterprises.csv").replaceAll("\\.[^.]*$", "");
		if (base.isBlank()) {
			base = "enterprises";
		}
		return attachment(base + "-rejects.csv", TableFormat.CSV).body(new FileSystemResource(job.rejects));
	}

	/** The caller's import (any import for the administrator); 404 otherwise, as for an id that does not exist. */
	private ImportJobs.Job job(String id) {
		return jobs.find(id).orElseThrow(() -> new ImportNotFoundException(id));
	}

	/** No import with this id that the caller started is kept on this server. */
	static final class ImportNotFoundException extends RuntimeException {

		ImportNotFoundException(String id) {
			super("no such import " + id + " of yours on this server (imports are kept for a while, the latest "
					+ ImportJobs.KEPT + ")");
		}

	}

	@GetMapping("/template")
	@Operation(summary = "The import template: the columns with Chinese headers, money in 万元")
	ResponseEntity<StreamingResponseBody> template(@RequestParam(defaultValue = "xlsx") String format) {
		TableFormat parsed = format(format);
		exports.requireTemplate();
		return attachment("企业导入模板." + parsed.extension(), parsed).body(out -> exports.template(parsed, out));
	}

	@GetMapping("/export")
	@Operation(summary = "Export the filtered enterprises as CSV or XLSX in the import's columns, one row per "
			+ "enterprise and year (only `year` when given); it imports again unchanged")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "xlsx") String format,
			@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String qualification,
			@RequestParam(required = false) Boolean synthetic, @RequestParam(required = false) Integer year) {
		TableFormat parsed = format(format);
		// what the caller may export, decided here, in the request's thread, before the download starts
		EnterpriseFilter filter = exports.visible(filter(q, district, industry, qualification, synthetic));
		enterprises.search(filter, 0, 1); // refuses a bad filter before the download starts
		return attachment("enterprises." + parsed.extension(), parsed).body(out -> exports.export(filter, year, parsed, out));
	}

	private static TableFormat format(String format) {
		return TableFormat.parse(format).orElseThrow(() -> new RegistryInputException("format", format, "expected csv or xlsx"));
	}

	private static ResponseEntity.BodyBuilder attachment(String name, TableFormat format) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
	}

	/** An atomic import refused because of invalid rows: answered as a 422 problem naming each row and column. */
	static final class ImportRefused extends RuntimeException {

		final EnterpriseImport.Report report;

		final String job;

		ImportRefused(EnterpriseImport.Report report, String job) {
			super(report.problemCount() + " problem(s) in " + report.invalid() + " of " + report.rows()
					+ " rows; an atomic import writes nothing when a row is invalid");
			this.report = report;
			this.job = job;
		}

	}

}
