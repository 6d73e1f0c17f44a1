package dev.lantu.projects.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.lantu.accounts.Access;
import dev.lantu.projects.ProjectImport;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectService;
import dev.lantu.tables.TableException;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableFormat;
import dev.lantu.web.FileNames;

/**
 * The import of a batch of projects from CSV or XLSX, with its report and the rejects file: for the
 * administrator and district officers (whose rows must be of their district).
 */
@Controller
class ProjectImportPage {

	private final ProjectImport imports;

	private final ProjectService projects;

	private final ProjectPageSupport support;

	ProjectImportPage(ProjectImport imports, ProjectService projects, ProjectPageSupport support) {
		this.imports = imports;
		this.projects = projects;
		this.support = support;
	}

	@GetMapping("/projects/import")
	String importForm(Model model) {
		projects.districtScope("import projects");
		model.addAttribute("mode", "atomic");
		model.addAttribute("dryRun", false);
		return "projects/import";
	}

	@PostMapping("/projects/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "atomic") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		projects.districtScope("import projects");
		model.addAttribute("mode", mode);
		model.addAttribute("dryRun", dryRun);
		Map<String, String> errors = new LinkedHashMap<>();
		String who = Access.caller().username();
		ImportMode parsedMode = "skip-invalid".equals(mode) ? ImportMode.SKIP_INVALID
				: ImportMode.ATOMIC;
		Optional<TableFormat> format = Optional.empty();
		if (file == null || file.isEmpty()) {
			errors.put("file", support.message("import.error.noFile", locale));
		}
		else if (FileNames.problem(file.getOriginalFilename()) != null) {
			errors.put("file", support.message("upload.error.fileName", locale));
		}
		else {
			format = TableFormat.ofFileName(file.getOriginalFilename());
			if (format.isEmpty()) {
				errors.put("file", support.message("import.error.format", locale));
			}
			else if (file.getSize() > ProjectImport.MAX_BYTES) {
				// refused before its bytes are held in memory
				errors.put("file", support.message("import.error.tooLarge", locale));
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			boolean tooLarge = file != null && file.getSize() > ProjectImport.MAX_BYTES && format.isPresent();
			response.setStatus(tooLarge ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
			return "projects/import";
		}
		try {
			ProjectImport.Report report = imports.importFile(file.getBytes(), file.getOriginalFilename(), format.get(),
					parsedMode, dryRun, who);
			// as the API answers: refused (422) only when problems kept an all-or-nothing import from happening
			boolean refused = !dryRun && parsedMode == ImportMode.ATOMIC && !report.problems().isEmpty();
			model.addAttribute("report", report);
			Map<RowProblem, String> reasons = new HashMap<>();
			report.problems().forEach(problem -> reasons.put(problem, support.say(problem, locale)));
			model.addAttribute("reasons", reasons);
			model.addAttribute("refused", refused);
			if (refused) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
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
		projects.districtScope("download an import's rejects");
		// the name is the user's own, posted back: reduced to a plain file name, it cannot name a path or break the header
		String base = FileNames.forDownload(file, "projects.csv").replaceAll("\\.[^.]*$", "");
		if (base.isBlank()) {
			base = "projects";
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(TableFormat.CSV.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(base + "-rejects.csv", StandardCharsets.UTF_8).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

}
