package dev.lantu.registry.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.accounts.Access;
import dev.lantu.registry.ClassificationRuleSet;
import dev.lantu.registry.ClassificationService;
import dev.lantu.registry.EnterpriseService;
import dev.lantu.registry.Reclassification;
import dev.lantu.registry.RegistryInputException;
import dev.lantu.registry.Specialisation;
import dev.lantu.registry.SpecialisationService;
import dev.lantu.registry.StrongTrackRule;
import dev.lantu.registry.TrackAssignment;

/**
 * Classification and specialisation over REST: the stored classification, rule sets, re-classification in two
 * steps (a posted or changed rules file is previewed; it applies only when confirmed), an enterprise's tracks
 * with provenance, and the district × track matrices with location quotients.
 */
@RestController
@Tag(name = "classification", description = "Enterprises in tracks: rules, re-classification, specialisation")
class ClassificationApiController {

	private final ClassificationService classification;

	private final SpecialisationService specialisation;

	ClassificationApiController(ClassificationService classification, SpecialisationService specialisation) {
		this.classification = classification;
		this.specialisation = specialisation;
	}

	@GetMapping("/api/v1/classification")
	@Operation(summary = "The stored classification: the applied rule set, enterprises per track and kind of rule, and "
			+ "how many enterprises wait for classification")
	ClassificationService.Summary summary() {
		return classification.summary();
	}

	@GetMapping("/api/v1/classification/rule-sets")
	@Operation(summary = "Every rule set, newest first: from the dataset or posted; pending, applied, superseded or discarded")
	List<ClassificationRuleSet> ruleSets() {
		return classification.ruleSets();
	}

	@GetMapping("/api/v1/classification/rule-sets/{id}")
	ClassificationRuleSet ruleSet(@PathVariable long id) {
		return classification.ruleSet(id);
	}

	@GetMapping("/api/v1/classification/rule-sets/{id}/rules")
	@Operation(summary = "The rules file of a rule set, as it was read (application/yaml, whatever the request accepts)")
	ResponseEntity<String> rules(@PathVariable long id) {
		// the type is set, not negotiated: a client asking for JSON is refused only for what it may not read
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(classification.ruleText(id));
	}

	@PostMapping(path = "/api/v1/classification/rule-sets", consumes = { "application/yaml", "application/x-yaml",
			MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Post a classification.yaml for a preview: checked as the dataset's would be (422 with every "
			+ "positioned problem), stored as a pending rule set, and its difference computed. Nothing changes until "
			+ "POST …/apply")
	ResponseEntity<Reclassification> propose(@RequestBody String text) {
		ClassificationRuleSet set = classification.propose(text, Access.caller().username());
		return ResponseEntity.created(URI.create("/api/v1/classification/rule-sets/" + set.id() + "/preview"))
			.body(classification.preview(set.id()));
	}

	@GetMapping("/api/v1/classification/rule-sets/{id}/preview")
	@Operation(summary = "The stored difference of a rule set: counts per track and the flows between tracks; "
			+ "`current` false when the registry, atlas or applied rules changed since")
	Reclassification preview(@PathVariable long id) {
		return classification.storedPreview(id).orElseThrow(() -> new RegistryInputException("id", String.valueOf(id),
				"this rule set has no preview yet; POST to this address to compute it"));
	}

	@PostMapping("/api/v1/classification/rule-sets/{id}/preview")
	@Operation(summary = "Compute (or recompute) the difference a pending rule set would make; writes no track")
	Reclassification computePreview(@PathVariable long id) {
		return classification.preview(id);
	}

	@GetMapping("/api/v1/classification/rule-sets/{id}/changes")
	@Operation(summary = "The enterprises a preview moves, by USCC, with the tracks each loses and gains; track= filters")
	ClassificationService.ChangePage changes(@PathVariable long id, @RequestParam(required = false) String track,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return classification.changes(id, track == null || track.isBlank() ? null : track.strip(), page, size);
	}

	@PostMapping("/api/v1/classification/rule-sets/{id}/apply")
	@Operation(summary = "Apply a pending rule set whose preview still holds (409 otherwise): every enterprise gets the "
			+ "tracks the preview showed, in one transaction")
	Reclassification apply(@PathVariable long id) {
		return classification.apply(id, Access.caller().username());
	}

	@PostMapping("/api/v1/classification/rule-sets/{id}/discard")
	@Operation(summary = "Discard a pending rule set; it stays listed")
	ClassificationRuleSet discard(@PathVariable long id) {
		classification.discard(id);
		return classification.ruleSet(id);
	}

	@PostMapping("/api/v1/classification/catch-up")
	@Operation(summary = "Classify now the enterprises imported or changed since their classification (the server also "
			+ "does so every minute)")
	Map<String, Long> catchUp() {
		return Map.of("classified", classification.classifyStale());
	}

	@GetMapping("/api/v1/enterprises/{uscc}/tracks")
	@Operation(summary = "An enterprise's tracks, each with its provenance: rule kind (MANUAL, CODE, KEYWORD, ALIGNMENT), "
			+ "what it matched, officer and reason, confidence")
	List<TrackAssignment> tracks(@PathVariable String uscc) {
		return classification.tracks(EnterpriseService.canonical(uscc));
	}

	@GetMapping("/api/v1/specialisation")
	@Operation(summary = "District × city track matrix by enterprises, revenue (fen) or employment in a year, with "
			+ "location quotients and strong tracks (LQ > minLq, top topFraction of districts, at least minShare of the "
			+ "track's city total)")
	Specialisation specialisation(@RequestParam(defaultValue = "enterprises") String measure,
			@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") double minLq,
			@RequestParam(defaultValue = "0.25") double topFraction, @RequestParam(defaultValue = "0.05") double minShare) {
		return specialisation.matrix(measure(measure), year, new StrongTrackRule(minLq, topFraction, minShare));
	}

	static Specialisation.Measure measure(String measure) {
		return Specialisation.Measure.parse(measure).orElseThrow(() -> new RegistryInputException("measure", measure,
				"expected enterprises, revenue or employment"));
	}

}
