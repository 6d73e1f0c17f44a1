package dev.lantu.projects.web;

import static dev.lantu.projects.web.ProjectPageSupport.blankToNull;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.lantu.accounts.Access;
import dev.lantu.projects.Investment;
import dev.lantu.projects.Project;
import dev.lantu.projects.ProjectConflictException;
import dev.lantu.projects.ProjectEvent;
import dev.lantu.projects.ProjectInputException;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Stage;
import dev.lantu.projects.StageRefusedException;

/**
 * A project with its timeline, and the forms that move it on, correct its latest entry and record its
 * investment. Who changes it is who is signed in; the service decides whether they may (a project they may not
 * see is not found).
 */
@Controller
class ProjectPage {

	private final ProjectService projects;

	private final MessageSource messages;

	private final ProjectPageSupport support;

	ProjectPage(ProjectService projects, MessageSource messages, ProjectPageSupport support) {
		this.projects = projects;
		this.messages = messages;
		this.support = support;
	}

	/** An entry of the timeline: a transition with the stages it skipped and the correction that undid it. */
	record TimelineEntry(ProjectEvent event, List<Stage> skipped, ProjectEvent correctedBy, ProjectEvent corrects) {

		public boolean correction() {
			return event.kind() == ProjectEvent.Kind.CORRECTION;
		}

	}

	record AdvanceForm(String version, String to, String date, String evidence, String reason) {
	}

	record CorrectionForm(String version, String event, String reason) {
	}

	record InvestmentForm(String version, String year, String amount, String note) {
	}

	@GetMapping("/projects/{id}")
	String project(@PathVariable long id, @RequestParam(required = false) String done, Model model, Locale locale) {
		Project project = projects.get(id);
		model.addAttribute("advance", new AdvanceForm(null, null, LocalDate.now().toString(), null, null));
		model.addAttribute("correction", new CorrectionForm(null, null, null));
		model.addAttribute("investment", new InvestmentForm(null, String.valueOf(LocalDate.now().getYear()), null, null));
		if (done != null && List.of("created", "advanced", "corrected", "invested").contains(done)) {
			model.addAttribute("done", done);
		}
		return projectPage(project, model, locale);
	}

	private String projectPage(Project project, Model model, Locale locale) {
		List<ProjectEvent> history = projects.history(project.id());
		ProjectPageSupport.TrackIndex tracks = support.trackIndex(locale);
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
		model.addAttribute("district", support.districtNames().get(project.districtCode()));
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
		Integer version = support.version(form.version(), errors, locale);
		String actor = Access.caller().username();
		Stage to = form.to() == null || form.to().isBlank() ? null : Stage.parse(form.to()).orElse(null);
		if (to == null) {
			errors.put("to", support.message("form.error.stage", locale));
		}
		LocalDate date = support.date(form.date(), "date", true, errors, locale);
		return change(id, "advance", errors, model, locale, response,
				() -> projects.advance(id, version, to, date, blankToNull(form.evidence()),
						blankToNull(form.reason()), actor),
				"advanced");
	}

	@PostMapping("/projects/{id}/corrections")
	String correct(@PathVariable long id, @ModelAttribute("correction") CorrectionForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer version = support.version(form.version(), errors, locale);
		String actor = Access.caller().username();
		Long event = support.wholeNumber(form.event(), "event", "form.error.event", errors, locale);
		if (form.reason() == null || form.reason().isBlank()) {
			errors.put("reason", support.message("form.error.reason", locale));
		}
		return change(id, "correction", errors, model, locale, response,
				() -> projects.correct(id, version, event, form.reason().strip(), actor), "corrected");
	}

	@PostMapping("/projects/{id}/investments")
	String invest(@PathVariable long id, @ModelAttribute("investment") InvestmentForm form, Model model, Locale locale,
			HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Integer version = support.version(form.version(), errors, locale);
		String actor = Access.caller().username();
		Long year = support.wholeNumber(form.year(), "year", "form.error.year", errors, locale);
		Long fen = support.amount(form.amount(), "amount", errors, locale);
		if (fen == null && !errors.containsKey("amount")) {
			errors.put("amount", support.message("form.error.amountNeeded", locale));
		}
		return change(id, "investment", errors, model, locale, response, () -> projects.recordInvestment(id, version,
				year.intValue(), fen, blankToNull(form.note()), actor), "invested");
	}

	/**
	 * Applies a change of the project page and redirects to it; or shows the page again with what was
	 * wrong: the form's own errors, the service's problems by field, a refused move, or a conflict with
	 * someone else's change (409, nothing changed, the page showing their version).
	 */
	private String change(long id, String form, Map<String, String> errors, Model model, Locale locale,
			HttpServletResponse response, Runnable change, String done) {
		Project project = projects.get(id);
		if (errors.isEmpty()) {
			try {
				change.run();
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
				model.addAttribute("refusal", support.say(e.refusal(), locale));
			}
			catch (ProjectInputException e) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				e.problems().forEach(p -> errors.merge(p.field(), support.say(p, locale), (a, b) -> a + "; " + b));
			}
		}
		else {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("failed", form);
		model.addAttribute("errors", errors);
		if (!model.containsAttribute("advance")) {
			model.addAttribute("advance", new AdvanceForm(null, null, LocalDate.now().toString(), null, null));
		}
		if (!model.containsAttribute("correction")) {
			model.addAttribute("correction", new CorrectionForm(null, null, null));
		}
		if (!model.containsAttribute("investment")) {
			model.addAttribute("investment", new InvestmentForm(null, String.valueOf(LocalDate.now().getYear()), null, null));
		}
		return projectPage(project, model, locale);
	}

}
