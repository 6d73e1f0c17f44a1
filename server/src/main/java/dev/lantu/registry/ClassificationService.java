package dev.lantu.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.AuditLog;
import dev.lantu.accounts.AuditOrigin;
import dev.lantu.accounts.Caller;
import dev.lantu.atlas.Alignment;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Region;
import dev.lantu.atlas.SystemSummary;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.Source;
import dev.lantu.dataset.SourceCatalogue;
import dev.lantu.registry.classification.ClassificationRepository;
import dev.lantu.registry.classification.ClassificationRepository.Candidate;

/**
 * Classification of the registry into tracks: the rule sets (from the dataset or posted), the tracks of each
 * enterprise with their provenance, and re-classification in two steps: {@link #preview} computes what a
 * pending rule set would change and stores it, {@link #apply} makes it so once an officer confirms, and
 * refuses if anything changed since the preview. Every pass streams the registry in batches of
 * {@value #BATCH} enterprises by USCC, so memory stays flat whatever the registry's size.
 */
@Service
public class ClassificationService {

	private static final Logger log = LoggerFactory.getLogger(ClassificationService.class);

	public static final int BATCH = 5_000;

	/** Changed enterprises buffered before they are written to the preview. */
	private static final int PREVIEW_WRITE = 2_000;

	private final ClassificationRepository repository;

	private final AtlasService atlas;

	private final IndustryClassification industries;

	private final SourceCatalogue sources;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AuditLog audit;

	ClassificationService(ClassificationRepository repository, AtlasService atlas, IndustryClassification industries,
			SourceCatalogue sources, TransactionTemplate transaction, AuditLog audit) {
		this.audit = audit;
		this.repository = repository;
		this.atlas = atlas;
		this.industries = industries;
		this.sources = sources;
		this.transaction = transaction;
		this.clock = Clock.systemDefaultZone();
	}

	/** Rule sets, previews and the stored classification are for officials to read. */
	private static void requireOfficial(String what) {
		Access.require(Access.caller().isOfficial(), what);
	}

	/** Only the city administrator changes the classification (docs/accounts.md). */
	private static void requireAdministrator(String what) {
		Access.require(Access.caller().isAdministrator(), what);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	// ---- rules

	/** Every track of the systems in force: the ids a rule may name. */
	public Set<String> knownTracks() {
		Set<String> tracks = new LinkedHashSet<>();
		for (SystemSummary summary : atlas.systems(null)) {
			atlas.system(summary.id(), (LocalDate) null).allTracks().forEach(t -> tracks.add(t.id()));
		}
		return tracks;
	}

	/** The atlas's alignment of district tracks to city tracks, district by district, for the systems in force today. */
	public Classifier.Alignments alignments() {
		Map<String, Map<String, List<Classifier.AlignedTrack>>> byDistrict = new HashMap<>();
		Map<String, String> districtOfTrack = new HashMap<>();
		for (Region district : atlas.districts()) {
			atlas.systemOf(district.code(), null).ifPresent(system -> {
				for (Track track : system.allTracks()) {
					districtOfTrack.put(track.id(), district.code());
					Alignment alignment = track.alignment();
					if (alignment != null && alignment.kind() == Alignment.Kind.ALIGNED) {
						for (String cityTrack : alignment.cityTracks()) {
							byDistrict.computeIfAbsent(district.code(), d -> new HashMap<>())
								.computeIfAbsent(cityTrack, c -> new ArrayList<>())
								.add(new Classifier.AlignedTrack(track.id(), alignment.provenance() == null ? null
										: alignment.provenance().confidence()));
						}
					}
				}
			});
		}
		return new Classifier.Alignments(byDistrict, districtOfTrack);
	}

	/** Reads a rules file against the atlas, the industry table and the source catalogue; refuses it with every problem. */
	public ClassificationRules read(String file, String text) {
		DatasetReading reading = new DatasetReading();
		ClassificationRules rules = new ClassificationReader(reading, knownTracks(), industries).read(file, text).orElse(null);
		reading.checkCitations(sources.all().stream().map(Source::id).collect(Collectors.toSet()));
		if (reading.problems().hasInconsistencies() || rules == null) {
			throw new ClassificationRefusedException(reading.problems().inconsistent());
		}
		return rules;
	}

	public ClassificationRuleSet ruleSet(long id) {
		requireOfficial("read classification rule sets");
		return repository.ruleSet(id).orElseThrow(() -> new RuleSetNotFoundException(id));
	}

	public List<ClassificationRuleSet> ruleSets() {
		requireOfficial("read classification rule sets");
		return repository.ruleSets();
	}

	public java.util.Optional<ClassificationRuleSet> applied() {
		requireOfficial("read classification rule sets");
		return repository.applied();
	}

	public String ruleText(long id) {
		ruleSet(id);
		return repository.sourceText(id);
	}

	/** The rules of a stored set; rules that no longer read (a track gone from the atlas) are left out and logged. */
	public ClassificationRules rules(long id) {
		String text = ruleText(id);
		DatasetReading reading = new DatasetReading();
		ClassificationRules rules = new ClassificationReader(reading, knownTracks(), industries)
			.read("rule set " + id, text).orElse(ClassificationRules.none());
		if (reading.problems().hasInconsistencies()) {
			log.warn("classification rule set {} no longer reads cleanly against the atlas; its broken rules are left out:\n{}", id,
					reading.problems().inconsistent().stream().map(p -> "  - " + p.message()).collect(Collectors.joining("\n")));
		}
		return rules;
	}

	public Classifier classifier(long ruleSetId) {
		return new Classifier(rules(ruleSetId), alignments(), industries);
	}

	/**
	 * Stores a posted rules file as a pending rule set, once it reads without problems; it changes nothing until
	 * it is previewed and applied.
	 */
	public ClassificationRuleSet propose(String text, String actor) {
		requireAdministrator("propose classification rules");
		read("request body", text);
		return transaction.execute(status -> {
			long id = repository.insertRuleSet(ClassificationRuleSet.Origin.POSTED, null, DatasetDirectory.sha256(text), text,
					ClassificationRuleSet.Status.PENDING, actor, now());
			ClassificationRuleSet set = ruleSet(id);
			audit.record("classification.propose", "classification_rule_set", String.valueOf(id), null, null,
					Map.of("ruleSet", set, "rules", text));
			return set;
		});
	}

	public void discard(long id) {
		requireAdministrator("discard classification rules");
		transaction.executeWithoutResult(status -> {
			ClassificationRuleSet set = ruleSet(id);
			if (set.status() != ClassificationRuleSet.Status.PENDING) {
				throw new ClassificationConflictException(id, "only a pending rule set can be discarded; this one is "
						+ set.status().name().toLowerCase());
			}
			repository.markDiscarded(id);
			audit.record("classification.discard", "classification_rule_set", String.valueOf(id), null, set, ruleSet(id));
		});
	}

	// ---- the tracks of enterprises

	/** The names of every track of the systems in force, city and district, by id. */
	public Map<String, dev.lantu.dataset.LocalizedText> trackNames() {
		Map<String, dev.lantu.dataset.LocalizedText> names = new LinkedHashMap<>();
		for (SystemSummary summary : atlas.systems(null)) {
			atlas.system(summary.id(), (LocalDate) null).allTracks().forEach(t -> names.put(t.id(), t.name()));
		}
		return names;
	}

	/**
	 * An enterprise's tracks with their provenance, for whoever may read the enterprise (as its detail): 403 for an
	 * enterprise that is not the caller's, 404 for one the registry lacks.
	 */
	public List<TrackAssignment> tracks(String uscc) {
		Caller caller = RegistryAccess.requireMayAsk(uscc);
		String district = repository.districtOf(uscc).orElseThrow(() -> new EnterpriseNotFoundException(uscc));
		Access.require(RegistryAccess.mayRead(caller, uscc, district), "read the tracks of the enterprise " + uscc);
		return repository.tracksOf(List.of(uscc)).getOrDefault(uscc, List.of());
	}

	/** The track ids of each enterprise, city and district tracks alike (the policy variable {@code tracks}). */
	public Map<String, Set<String>> trackIds(Collection<String> usccs) {
		Map<String, Set<String>> ids = new LinkedHashMap<>();
		repository.tracksOf(usccs).forEach((uscc, assignments) -> ids.put(uscc,
				assignments.stream().map(TrackAssignment::trackId).collect(Collectors.toCollection(LinkedHashSet::new))));
		return ids;
	}

	/** How many enterprises wait for classification: new, or changed since their tracks were computed. */
	public long stale() {
		return repository.countStale();
	}

	/** The stored classification at a glance: enterprises per track and kind of rule. */
	public record Summary(java.util.Optional<ClassificationRuleSet> applied, long classified, long stale,
			Map<String, Map<RuleKind, Long>> byTrack) {
	}

	public Summary summary() {
		requireOfficial("read the stored classification");
		Map<String, Map<RuleKind, Long>> byTrack = new TreeMap<>();
		for (Object[] row : repository.countsByTrackAndKind()) {
			byTrack.computeIfAbsent((String) row[0], t -> new java.util.EnumMap<>(RuleKind.class))
				.put(RuleKind.valueOf((String) row[1]), (Long) row[2]);
		}
		return new Summary(repository.applied(), repository.countClassified(), repository.countStale(), byTrack);
	}

	/**
	 * Classifies the enterprises that are new or changed since their last classification, by the applied rules;
	 * returns how many. Each batch is its own transaction, so a long catch-up never blocks the registry for long.
	 */
	public long classifyStale() {
		requireAdministrator("classify the registry");
		AuditOrigin origin = AuditOrigin.current();
		ClassificationRuleSet applied = repository.applied().orElse(null);
		if (applied == null) {
			return 0;
		}
		long[] classified = { 0 };
		if (repository.countStale() == 0) {
			return 0; // one grouped query: the usual answer, and cheap however large the registry
		}
		Classifier classifier = classifier(applied.id());
		String after = "";
		while (after != null) {
			String from = after;
			List<Candidate> batch = transaction.execute(status -> {
				repository.lock(applied.id());
				if (repository.applied().map(a -> a.id() != applied.id()).orElse(true)) {
					return null; // new rules were applied meanwhile, and they classified everything
				}
				List<Candidate> read = repository.batch(from, BATCH);
				List<Candidate> stale = read.stream().filter(ClassificationRepository::stale).toList();
				Map<String, List<TrackAssignment>> changed = new LinkedHashMap<>();
				Map<String, List<TrackAssignment>> fresh = new LinkedHashMap<>();
				for (Candidate candidate : stale) {
					// tracks are only ever written with their classification: a never classified enterprise has none
					(candidate.classifiedVersion() == null ? fresh : changed).put(candidate.uscc(),
							classifier.classify(candidate.subject()));
				}
				repository.replaceTracks(changed);
				repository.insertTracks(fresh);
				repository.markClassified(stale, applied.id(), now());
				classified[0] += stale.size();
				if (read.size() < BATCH && classified[0] > 0) {
					// the last batch: one entry for the whole catch-up, with the last of its writes
					audit.record(origin, "classification.catch-up", "classification_rule_set", String.valueOf(applied.id()), null,
							null, Map.of("ruleSet", applied.id(), "classified", classified[0]));
				}
				return read;
			});
			after = batch == null || batch.size() < BATCH ? null : batch.get(batch.size() - 1).uscc();
		}
		return classified[0];
	}

	// ---- re-classification

	/** The stored preview of a rule set, if it was previewed. */
	public java.util.Optional<Reclassification> storedPreview(long id) {
		ruleSet(id);
		return repository.preview(id, repository.stamp());
	}

	/**
	 * Computes what applying a pending rule set would change, enterprise by enterprise, and stores it; nothing
	 * of the classification changes. A preview that still holds is returned as it is.
	 */
	public Reclassification preview(long id) {
		requireAdministrator("compute a classification preview");
		ClassificationRuleSet set = ruleSet(id);
		if (set.status() != ClassificationRuleSet.Status.PENDING) {
			return repository.preview(id, repository.stamp()).orElseThrow(() -> new ClassificationConflictException(id,
					"only a pending rule set is previewed; this one is " + set.status().name().toLowerCase()));
		}
		String stamp = repository.stamp();
		java.util.Optional<Reclassification> stored = repository.preview(id, stamp);
		if (stored.isPresent() && stored.get().current()) {
			return stored.get();
		}
		Classifier classifier = classifier(id);
		transaction.executeWithoutResult(status -> {
			repository.clearPreview(id);
			Diff diff = new Diff();
			String after = "";
			List<Reclassification.Change> buffer = new ArrayList<>();
			while (true) {
				List<Candidate> batch = repository.batch(after, BATCH);
				if (batch.isEmpty()) {
					break;
				}
				Map<String, List<TrackAssignment>> stored_ = repository.tracksBetween(batch.get(0).uscc(),
						batch.get(batch.size() - 1).uscc());
				for (Candidate candidate : batch) {
					List<TrackAssignment> before = stored_.getOrDefault(candidate.uscc(), List.of());
					List<TrackAssignment> next = classifier.classify(candidate.subject());
					diff.add(candidate, before, next).ifPresent(buffer::add);
				}
				if (buffer.size() >= PREVIEW_WRITE) {
					repository.insertPreviewChanges(id, buffer);
					buffer.clear();
				}
				after = batch.get(batch.size() - 1).uscc();
			}
			repository.insertPreviewChanges(id, buffer);
			repository.savePreview(id, stamp, diff.examined, diff.changed, diff.tracks(), diff.flows(), now());
		});
		return repository.preview(id, repository.stamp()).orElseThrow();
	}

	/**
	 * Applies a pending rule set whose preview still holds: every enterprise gets the tracks the preview showed,
	 * the rule set becomes the applied one, the previous one is superseded. One transaction: readers see the old
	 * classification or the new, never a mix.
	 */
	public Reclassification apply(long id, String actor) {
		requireAdministrator("apply classification rules");
		ClassificationRuleSet set = ruleSet(id);
		if (set.status() != ClassificationRuleSet.Status.PENDING) {
			throw new ClassificationConflictException(id, "only a pending rule set can be applied; this one is "
					+ set.status().name().toLowerCase());
		}
		Classifier classifier = classifier(id);
		transaction.executeWithoutResult(status -> {
			repository.lock(id);
			Reclassification previewed = repository.preview(id, repository.stamp()).orElseThrow(
					() -> new ClassificationConflictException(id, "preview it first: nothing is applied unseen"));
			if (!previewed.current()) {
				throw new ClassificationConflictException(id, "the registry, the atlas or the applied rules changed since the "
						+ "preview of " + previewed.previewedAt() + "; preview it again to see what applying would change now");
			}
			OffsetDateTime now = now();
			String after = "";
			while (true) {
				List<Candidate> batch = repository.batch(after, BATCH);
				if (batch.isEmpty()) {
					break;
				}
				Map<String, List<TrackAssignment>> stored = repository.tracksBetween(batch.get(0).uscc(),
						batch.get(batch.size() - 1).uscc());
				Map<String, List<TrackAssignment>> changed = new LinkedHashMap<>();
				for (Candidate candidate : batch) {
					List<TrackAssignment> next = classifier.classify(candidate.subject());
					if (!new HashSet<>(next).equals(new HashSet<>(stored.getOrDefault(candidate.uscc(), List.of())))) {
						changed.put(candidate.uscc(), next);
					}
				}
				repository.replaceTracks(changed);
				repository.markClassified(batch, id, now);
				after = batch.get(batch.size() - 1).uscc();
			}
			repository.markAllClassifiedBy(id, now);
			ClassificationRuleSet previous = repository.applied().orElse(null);
			repository.markApplied(id, actor, now);
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("ruleSet", set);
			before.put("applied", previous);
			Map<String, Object> applied = new LinkedHashMap<>();
			applied.put("ruleSet", ruleSet(id));
			applied.put("examined", previewed.examined());
			applied.put("changed", previewed.changed());
			audit.record("classification.apply", "classification_rule_set", String.valueOf(id), null, before, applied);
		});
		log.info("classification rule set {} applied by {}", id, actor);
		return repository.preview(id, repository.stamp()).orElseThrow();
	}

	/** A page of the enterprises a preview moves; with a track, those that gain or lose it. */
	public record ChangePage(List<Reclassification.Change> changes, long total, int page, int size) {
	}

	public ChangePage changes(long id, String track, int page, int size) {
		ruleSet(id);
		if (page < 0) {
			throw new RegistryInputException("page", String.valueOf(page), "pages count from 0");
		}
		if (size < 1 || size > EnterpriseService.MAX_PAGE_SIZE) {
			throw new RegistryInputException("size", String.valueOf(size), "a page holds 1 to " + EnterpriseService.MAX_PAGE_SIZE);
		}
		return new ChangePage(repository.previewChanges(id, track, page, size), repository.countPreviewChanges(id, track), page,
				size);
	}

	/** Counts of a preview, accumulated batch by batch: per track and per flow, never per enterprise. */
	private static final class Diff {

		long examined;

		long changed;

		final Map<String, long[]> tracks = new TreeMap<>(); // before, after, gained, lost

		final Map<List<String>, Long> flows = new HashMap<>();

		java.util.Optional<Reclassification.Change> add(Candidate candidate, List<TrackAssignment> before,
				List<TrackAssignment> after) {
			examined++;
			Set<String> was = ids(before);
			Set<String> will = ids(after);
			was.forEach(t -> counts(t)[0]++);
			will.forEach(t -> counts(t)[1]++);
			if (was.equals(will)) {
				return java.util.Optional.empty();
			}
			changed++;
			List<String> removed = was.stream().filter(t -> !will.contains(t)).toList();
			List<String> added = will.stream().filter(t -> !was.contains(t)).toList();
			removed.forEach(t -> counts(t)[3]++);
			added.forEach(t -> counts(t)[2]++);
			for (String from : removed.isEmpty() ? List.of("") : removed) {
				for (String to : added.isEmpty() ? List.of("") : added) {
					flows.merge(List.of(from, to), 1L, Long::sum);
				}
			}
			Classifier.Subject s = candidate.subject();
			return java.util.Optional.of(new Reclassification.Change(s.uscc(), s.name(), s.districtCode(), removed, added));
		}

		private long[] counts(String track) {
			return tracks.computeIfAbsent(track, t -> new long[4]);
		}

		private static Set<String> ids(List<TrackAssignment> assignments) {
			return assignments.stream().map(TrackAssignment::trackId).collect(Collectors.toCollection(LinkedHashSet::new));
		}

		List<Reclassification.TrackChange> tracks() {
			return tracks.entrySet().stream()
				.map(e -> new Reclassification.TrackChange(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2],
						e.getValue()[3]))
				.toList();
		}

		List<Reclassification.Flow> flows() {
			return flows.entrySet().stream().map(e -> new Reclassification.Flow(e.getKey().get(0), e.getKey().get(1), e.getValue()))
				.toList();
		}

	}

}
