package dev.lantu.projects.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.Region;
import dev.lantu.projects.FieldProblem;
import dev.lantu.projects.InvestmentTotal;
import dev.lantu.projects.PipelineBoard;
import dev.lantu.projects.ProjectFilter;
import dev.lantu.projects.ProjectImport;
import dev.lantu.projects.ProjectService;
import dev.lantu.projects.Refusal;
import dev.lantu.projects.Stage;
import dev.lantu.projects.TargetStatus;
import dev.lantu.tables.RowProblem;

/**
 * What the pipeline's pages share: tracks and districts by name in the reader's language, money in
 * 万元/亿元, the parsing of form fields into values or messages, and the remembered "your name".
 */
@Component
class ProjectPageSupport {

	static final int PAGE_SIZE = 20;

	private final AtlasService atlas;

	private final ProjectService projects;

	private final MessageSource messages;

	private final Money money;

	ProjectPageSupport(AtlasService atlas, ProjectService projects, MessageSource messages) {
		this.atlas = atlas;
		this.projects = projects;
		this.messages = messages;
		this.money = new Money(messages);
	}

	Money money() {
		return money;
	}

	long countSynthetic(ProjectFilter filter) {
		return projects.search(new ProjectFilter(filter.districtCode(), filter.trackId(), filter.stage(), filter.year(),
				filter.text(), true), 0, 1).total();
	}

	static List<FunnelRow> funnelRows(PipelineBoard board) {
		long max = board.funnel().stream().mapToLong(PipelineBoard.StageTotal::projects).max().orElse(0);
		return board.funnel().stream()
			.map(t -> new FunnelRow(t.stage(), t.projects(), t.plannedInvestmentFen(),
					max == 0 ? 0 : (int) Math.round(100.0 * t.projects() / max)))
			.toList();
	}

	/** The years projects were signed in, newest first (from the pipeline's own signings). */
	List<Integer> signingYears() {
		return projects.signings(ProjectFilter.all()).stream().map(InvestmentTotal::year).distinct()
			.sorted(Comparator.reverseOrder()).toList();
	}




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

	TrackIndex trackIndex(Locale locale) {
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
	List<Layer> cityTrackGroups() {
		return atlas.citySystem(null).segments().stream()
			.flatMap(s -> s.layers().stream())
			.filter(l -> !l.allTracks().isEmpty())
			.toList();
	}

	Map<String, Region> districtNames() {
		Map<String, Region> names = new LinkedHashMap<>();
		atlas.districts().forEach(d -> names.put(d.code(), d));
		return names;
	}

	String message(String key, Locale locale) {
		return messages.getMessage(key, null, locale);
	}

	Integer version(String text, Map<String, String> errors, Locale locale) {
		try {
			return Integer.valueOf(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			errors.put("version", message("form.error.version", locale));
			return null;
		}
	}

	/** A whole number typed in a form field; null with the field's error when it is not one. */
	Long wholeNumber(String text, String field, String errorKey, Map<String, String> errors, Locale locale) {
		try {
			return Long.valueOf(text == null ? "" : text.strip());
		}
		catch (NumberFormatException e) {
			errors.put(field, message(errorKey, locale));
			return null;
		}
	}

	LocalDate date(String text, String field, boolean required, Map<String, String> errors, Locale locale) {
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

	Long amount(String text, String field, Map<String, String> errors, Locale locale) {
		try {
			return Money.fenOfWan(text);
		}
		catch (Money.AmountException e) {
			errors.put(field, message("form.error.amount." + e.refusal().name(), locale));
			return null;
		}
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	static String blankToNull(String text) {
		return isBlank(text) ? null : text.strip();
	}

	static UriComponentsBuilder listUrl(String path, ProjectFilter filter) {
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

	/** A problem in the reader's language (message {@code problem.<code>}), its English reason when none is known. */
	String say(FieldProblem problem, Locale locale) {
		return say(problem.code(), problem.args(), problem.reason(), locale);
	}

	String say(Refusal refusal, Locale locale) {
		return say(refusal.code(), refusal.args(), refusal.english(), locale);
	}

	String say(RowProblem problem, Locale locale) {
		return say(problem.code(), problem.args(), problem.reason(), locale);
	}

	/** Where a target stands, in the reader's language (message {@code target.explain.<code>}). */
	String say(TargetStatus status, Locale locale) {
		return status.explanationCode() == null ? status.explanation()
				: messages.getMessage("target.explain." + status.explanationCode(), status.explanationArgs().toArray(),
						status.explanation(), locale);
	}

	private String say(String code, List<Object> args, String english, Locale locale) {
		if (code == null) {
			return english;
		}
		// a stage travels by its name (SIGNED) and reads in the reader's language (签约)
		Object[] words = args.stream()
			.map(a -> a instanceof String name && Stage.parse(name).isPresent() && name.equals(Stage.parse(name).get().name())
					? messages.getMessage("stage." + name, null, name, locale) : a)
			.toArray();
		return messages.getMessage("problem." + code, words, english, locale);
	}

}
