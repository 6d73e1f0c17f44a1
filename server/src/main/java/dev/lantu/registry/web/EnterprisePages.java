package dev.lantu.registry.web;

import java.io.IOException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Region;
import dev.lantu.registry.ClassificationService;
import dev.lantu.registry.EnterpriseDetail;
import dev.lantu.registry.EnterpriseFilter;
import dev.lantu.registry.EnterpriseNotFoundException;
import dev.lantu.registry.EnterprisePageSection;
import dev.lantu.registry.EnterprisePage;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.EnterpriseSummary;
import dev.lantu.registry.Figure;
import dev.lantu.registry.QualificationType;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.tables.ImportMode;
import dev.lantu.tables.MoneyUnit;
import dev.lantu.tables.RowProblem;
import dev.lantu.tables.TableFormat;
import dev.lantu.web.FileNames;

/**
 * The registry's pages: the search with its list, one enterprise with its figures and history, and the
 * import with its progress and validation report. Synthetic records carry the 合成数据 badge everywhere.
 */
@Controller
class EnterprisePages {

	static final int PAGE_SIZE = 25;

	private final EnterpriseService enterprises;

	private final ImportJobs jobs;

	private final AtlasService atlas;

	private final MessageSource messages;

	private final ClassificationService classification;

	private final List<EnterprisePageSection> sections;

	EnterprisePages(EnterpriseService enterprises, ImportJobs jobs, AtlasService atlas, MessageSource messages,
			ClassificationService classification, ObjectProvider<EnterprisePageSection> sections) {
		this.sections = sections.orderedStream().toList();
		this.enterprises = enterprises;
		this.jobs = jobs;
		this.atlas = atlas;
		this.messages = messages;
		this.classification = classification;
	}

	private Map<String, Region> districts() {
		return atlas.districts().stream().collect(Collectors.toMap(Region::code, r -> r, (a, b) -> a, LinkedHashMap::new));
	}

	@GetMapping("/enterprises")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
			@RequestParam(required = false) String industry, @RequestParam(required = false) String qualification,
			@RequestParam(defaultValue = "0") int page, Model model, Locale locale, HttpServletResponse response) {
		model.addAttribute("q", q);
		model.addAttribute("district", district);
		model.addAttribute("industry", industry);
		model.addAttribute("qualification", qualification);
		model.addAttribute("districts", districts());
		model.addAttribute("qualifications", QualificationType.values());
		EnterprisePage found;
		try {
			EnterpriseFilter filter = EnterpriseApiController.filter(q, district, industry, qualification, null);
			found = enterprises.search(filter, Math.max(0, page), PAGE_SIZE);
			model.addAttribute("syntheticCount", enterprises.search(new EnterpriseFilter(filter.text(), filter.districtCode(),
					filter.industry(), filter.qualification(), true), 0, 1).total());
		}
		catch (RegistryInputException e) {
			model.addAttribute("filterError", e.getMessage());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			found = new EnterprisePage(List.of(), 0, 0, PAGE_SIZE);
			model.addAttribute("syntheticCount", 0L);
		}
		model.addAttribute("found", found);
		dev.lantu.accounts.Caller caller = Access.caller();
		model.addAttribute("mayImport", dev.lantu.registry.RegistryAccess.mayImport(caller));
		model.addAttribute("mayExport", !caller.is(dev.lantu.accounts.Role.POLICY_OFFICER));
		model.addAttribute("money", new MoneyFormat(locale));
		Map<String, String> industryNames = new LinkedHashMap<>();
		found.enterprises().stream().map(EnterpriseSummary::industryCode).filter(java.util.Objects::nonNull).distinct()
			.forEach(code -> enterprises.industries().find(code).ifPresent(c -> industryNames.put(code, c.name())));
		model.addAttribute("industryNames", industryNames);
		List<PageLink> pages = new ArrayList<>();
		for (int p = Math.max(0, found.page() - 4); p < Math.min(found.pages(), found.page() + 5); p++) {
			pages.add(new PageLink(p, p == found.page(), UriComponentsBuilder.fromPath("/enterprises").queryParamIfPresent("q",
					Optional.ofNullable(q)).queryParamIfPresent("district", Optional.ofNullable(district))
				.queryParamIfPresent("industry", Optional.ofNullable(industry))
				.queryParamIfPresent("qualification", Optional.ofNullable(qualification)).queryParam("page", p)
				.build().encode().toUriString()));
		}
		model.addAttribute("pages", pages);
		model.addAttribute("exportQuery", UriComponentsBuilder.fromPath("").queryParamIfPresent("q", Optional.ofNullable(q))
			.queryParamIfPresent("district", Optional.ofNullable(district))
			.queryParamIfPresent("industry", Optional.ofNullable(industry))
			.queryParamIfPresent("qualification", Optional.ofNullable(qualification)).build().encode().toUriString());
		return "registry/list";
	}

	record PageLink(int page, boolean current, String href) {
	}

	/** A section another module adds to the enterprise page. */
	record SectionView(String template, String fragment, Map<String, Object> model) {
	}

	/** An import job as its page shows it. */
	record ImportView(String id, boolean finished, String phase, int rowsChecked, int rowsWritten,
			dev.lantu.registry.EnterpriseImport.Report report, List<RowProblem> fileProblems, String unreadable,
			boolean rejects) {
	}

	@GetMapping("/enterprises/{uscc}")
	String enterprise(@PathVariable String uscc, Model model, Locale locale, HttpServletResponse response) {
		EnterpriseDetail detail;
		try {
			detail = enterprises.detail(uscc);
		}
		catch (RegistryInputException | EnterpriseNotFoundException e) {
			model.addAttribute("missing", uscc);
			model.addAttribute("reason", e.getMessage());
			response.setStatus(e instanceof EnterpriseNotFoundException ? 404 : 400);
			return "registry/missing";
		}
		model.addAttribute("detail", detail);
		model.addAttribute("e", detail.enterprise());
		model.addAttribute("district", districts().get(detail.enterprise().districtCode()));
		model.addAttribute("figures", Figure.values());
		model.addAttribute("money", new MoneyFormat(locale));
		model.addAttribute("tracks", classification.tracks(detail.enterprise().uscc()));
		model.addAttribute("trackNames", classification.trackNames());
		model.addAttribute("sections", sections.stream()
			.map(section -> new SectionView(section.template(), section.fragment(), section.model(detail.enterprise().uscc(), locale)))
			.toList());
		return "registry/enterprise";
	}

	@GetMapping("/enterprises/import")
	String importForm(Model model) {
		jobs.requireMayImport();
		model.addAttribute("mode", "atomic");
		model.addAttribute("dryRun", false);
		return "registry/import";
	}

	@PostMapping("/enterprises/import")
	String importFile(@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "atomic") String mode,
			@RequestParam(defaultValue = "false") boolean dryRun, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		jobs.requireMayImport();
		model.addAttribute("mode", mode);
		model.addAttribute("dryRun", dryRun);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<TableFormat> format = Optional.empty();
		if (file == null || file.isEmpty()) {
			errors.put("file", messages.getMessage("registry.import.error.noFile", null, locale));
		}
		else if (FileNames.problem(file.getOriginalFilename()) != null) {
			errors.put("file", messages.getMessage("upload.error.fileName", null, locale));
		}
		else {
			format = TableFormat.ofFileName(file.getOriginalFilename());
			if (format.isEmpty()) {
				errors.put("file", messages.getMessage("registry.import.error.format", null, locale));
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return "registry/import";
		}
		ImportJobs.Job job = jobs.create(file, ImportMode.parse(mode).orElse(ImportMode.ATOMIC), dryRun);
		jobs.start(job, format.get(), Access.caller().username());
		return "redirect:/enterprises/import/" + job.id;
	}

	@GetMapping("/enterprises/import/{id}")
	String importJob(@PathVariable String id, Model model, Locale locale, HttpServletResponse response) {
		Optional<ImportJobs.Job> found = jobs.find(id);
		if (found.isEmpty()) {
			model.addAttribute("missing", id);
			model.addAttribute("reason", messages.getMessage("registry.import.noJob", null, locale));
			response.setStatus(404);
			return "registry/missing";
		}
		ImportJobs.Job job = found.get();
		model.addAttribute("job", new ImportView(job.id, job.finished(), job.progress.phase().name(), job.progress.rowsChecked(),
				job.progress.rowsWritten(), job.report, job.fileProblems, job.unreadable, job.rejects != null));
		model.addAttribute("percent", (int) Math.round(100 * job.progress.fraction()));
		model.addAttribute("mode", job.mode.parameter());
		model.addAttribute("dryRun", job.dryRun);
		if (job.report != null) {
			Map<RowProblem, String> reasons = new LinkedHashMap<>();
			job.report.problems().forEach(p -> reasons.put(p, say(p, locale)));
			job.report.warnings().forEach(p -> reasons.put(p, say(p, locale)));
			model.addAttribute("reasons", reasons);
			if (job.report.refused()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		else if (job.fileProblems != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		else if (job.unreadable != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		return "registry/import";
	}

	/** A problem in the reader's language when the bundle has its code, else its English reason. */
	private String say(RowProblem problem, Locale locale) {
		return problem.code() == null ? problem.reason()
				: messages.getMessage("problem." + problem.code(), problem.args().toArray(), problem.reason(), locale);
	}

	/** Money for pages: fen as 万元 with grouping, in the reader's language. */
	static final class MoneyFormat {

		private final Locale locale;

		MoneyFormat(Locale locale) {
			this.locale = locale;
		}

		public String wan(Long fen) {
			if (fen == null) {
				return null;
			}
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMaximumFractionDigits(2);
			return format.format(new java.math.BigDecimal(MoneyUnit.WAN.format(fen)));
		}

		public String count(Long value) {
			return value == null ? null : NumberFormat.getIntegerInstance(locale).format(value);
		}

	}

}
