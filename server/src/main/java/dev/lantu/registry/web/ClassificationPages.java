package dev.lantu.registry.web;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.lantu.accounts.Access;
import dev.lantu.atlas.AtlasService;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.registry.ClassificationConflictException;
import dev.lantu.registry.ClassificationRefusedException;
import dev.lantu.registry.ClassificationRuleSet;
import dev.lantu.registry.ClassificationService;
import dev.lantu.registry.Reclassification;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.registry.RuleSetNotFoundException;
import dev.lantu.registry.Specialisation;
import dev.lantu.registry.SpecialisationService;
import dev.lantu.registry.StrongTrackRule;

/**
 * The classification pages: the stored classification and its rule sets with a form to post new rules; a rule
 * set's difference (per track, flows, the enterprises that move) with the buttons that compute it, apply it or
 * discard it; and specialisation as heatmap, map and table. Synthetic enterprises are labelled 合成数据.
 */
@Controller
class ClassificationPages {

	static final int PAGE_SIZE = 25;

	private final ClassificationService classification;

	private final SpecialisationService specialisation;

	private final AtlasService atlas;

	ClassificationPages(ClassificationService classification, SpecialisationService specialisation, AtlasService atlas) {
		this.classification = classification;
		this.specialisation = specialisation;
		this.atlas = atlas;
	}

	/** Track names by id, and district names by code, for the templates. */
	private void names(Model model) {
		model.addAttribute("trackNames", classification.trackNames());
		Map<String, LocalizedText> districts = new LinkedHashMap<>();
		atlas.districts().forEach(d -> districts.put(d.code(), d.name()));
		model.addAttribute("districtNames", districts);
	}

	@GetMapping("/classification")
	String overview(Model model) {
		names(model);
		model.addAttribute("summary", classification.summary());
		model.addAttribute("ruleSets", classification.ruleSets());
		return "registry/classification";
	}

	@PostMapping("/classification/rule-sets")
	String propose(@RequestParam(defaultValue = "") String rules, Model model, HttpServletResponse response) {
		try {
			ClassificationRuleSet set = classification.propose(rules, Access.caller().username());
			classification.preview(set.id());
			return "redirect:/classification/rule-sets/" + set.id();
		}
		catch (ClassificationRefusedException e) {
			model.addAttribute("problems", e.problems());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		model.addAttribute("rules", rules);
		return overview(model);
	}

	@GetMapping("/classification/rule-sets/{id}")
	String ruleSet(@PathVariable long id, @RequestParam(required = false) String track, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletResponse response) {
		ClassificationRuleSet set;
		try {
			set = classification.ruleSet(id);
		}
		catch (RuleSetNotFoundException e) {
			model.addAttribute("missing", String.valueOf(id));
			model.addAttribute("reason", e.getMessage());
			response.setStatus(404);
			return "registry/missing";
		}
		names(model);
		String filter = track == null || track.isBlank() ? null : track.strip();
		model.addAttribute("set", set);
		model.addAttribute("track", filter);
		model.addAttribute("rulesText", classification.ruleText(id));
		Reclassification preview = classification.storedPreview(id).orElse(null);
		model.addAttribute("preview", preview);
		if (preview != null) {
			ClassificationService.ChangePage changes = classification.changes(id, filter, Math.max(0, page), PAGE_SIZE);
			model.addAttribute("changes", changes);
			model.addAttribute("pages", (int) Math.ceil((double) changes.total() / PAGE_SIZE));
			List<Reclassification.TrackChange> moved = new ArrayList<>(preview.tracks().stream()
				.filter(t -> t.gained() > 0 || t.lost() > 0).toList());
			model.addAttribute("movedTracks", moved);
			model.addAttribute("flows", preview.flows().stream().limit(30).toList());
		}
		return "registry/reclassification";
	}

	@PostMapping("/classification/rule-sets/{id}/preview")
	String preview(@PathVariable long id, RedirectAttributes redirect) {
		try {
			classification.preview(id);
		}
		catch (ClassificationConflictException e) {
			redirect.addFlashAttribute("conflict", e.getMessage());
		}
		return "redirect:/classification/rule-sets/" + id;
	}

	@PostMapping("/classification/rule-sets/{id}/apply")
	String apply(@PathVariable long id, RedirectAttributes redirect) {
		try {
			classification.apply(id, Access.caller().username());
			redirect.addFlashAttribute("applied", true);
		}
		catch (ClassificationConflictException e) {
			redirect.addFlashAttribute("conflict", e.getMessage());
		}
		return "redirect:/classification/rule-sets/" + id;
	}

	@PostMapping("/classification/rule-sets/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes redirect) {
		try {
			classification.discard(id);
		}
		catch (ClassificationConflictException e) {
			redirect.addFlashAttribute("conflict", e.getMessage());
		}
		return "redirect:/classification/rule-sets/" + id;
	}

	/** One row of the specialisation table: a district and its cells in track order. */
	record Row(String district, LocalizedText name, long total, List<Specialisation.Cell> cells) {
	}

	@GetMapping("/specialisation")
	String specialisation(@RequestParam(defaultValue = "enterprises") String measure, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String track, Model model, Locale locale, HttpServletResponse response) {
		Specialisation matrix;
		try {
			matrix = specialisation.matrix(ClassificationApiController.measure(measure), year, StrongTrackRule.DEFAULT);
		}
		catch (RegistryInputException e) {
			model.addAttribute("filterError", e.getMessage());
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			matrix = specialisation.matrix(Specialisation.Measure.ENTERPRISES, null, StrongTrackRule.DEFAULT);
		}
		names(model);
		Specialisation m = matrix;
		String mapTrack = track != null && m.tracks().stream().anyMatch(t -> t.id().equals(track)) ? track
				: m.tracks().isEmpty() ? null : m.tracks().get(0).id();
		List<Row> rows = m.districts().stream().map(d -> new Row(d.id(), d.name(), m.districtTotals().get(d.id()),
				m.tracks().stream().map(t -> m.cell(d.id(), t.id()).orElseThrow()).toList())).toList();
		model.addAttribute("matrix", m);
		model.addAttribute("rows", rows);
		model.addAttribute("measure", m.measure().label());
		model.addAttribute("mapTrack", mapTrack);
		model.addAttribute("money", new EnterprisePages.MoneyFormat(locale));
		model.addAttribute("chart", chart(m, mapTrack, locale));
		return "registry/specialisation";
	}

	/** What the heatmap and the map draw, already in the page's language. */
	private static Map<String, Object> chart(Specialisation m, String mapTrack, Locale locale) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("districts", m.districts().stream().map(d -> d.name().in(locale)).toList());
		chart.put("districtCodes", m.districts().stream().map(Specialisation.Name::id).toList());
		chart.put("tracks", m.tracks().stream().map(t -> t.name().in(locale)).toList());
		List<List<Object>> cells = new ArrayList<>();
		double max = 1;
		for (int d = 0; d < m.districts().size(); d++) {
			for (int t = 0; t < m.tracks().size(); t++) {
				Specialisation.Cell cell = m.cell(m.districts().get(d).id(), m.tracks().get(t).id()).orElseThrow();
				Double lq = cell.lq() == null ? null : Math.round(cell.lq() * 100) / 100.0;
				cells.add(java.util.Arrays.asList(t, d, lq, cell.value(), cell.strong()));
				if (lq != null) {
					max = Math.max(max, lq);
				}
			}
		}
		chart.put("cells", cells);
		chart.put("max", Math.min(max, 4));
		Map<String, Object> map = new LinkedHashMap<>();
		if (mapTrack != null) {
			for (Specialisation.Name d : m.districts()) {
				Specialisation.Cell cell = m.cell(d.id(), mapTrack).orElseThrow();
				map.put(d.id(), java.util.Arrays.asList(cell.lq() == null ? null : Math.round(cell.lq() * 100) / 100.0, cell.value(),
						cell.strong(), d.name().in(locale)));
			}
		}
		chart.put("map", map);
		return chart;
	}

}
