package dev.lantu.atlas.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.lantu.atlas.Alignment;
import dev.lantu.atlas.IndustrialSystem;
import dev.lantu.atlas.Layer;
import dev.lantu.atlas.Principle;
import dev.lantu.atlas.Scope;
import dev.lantu.atlas.Segment;
import dev.lantu.atlas.Track;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Position;
import dev.lantu.dataset.Problems;
import dev.lantu.dataset.Provenance;
import dev.lantu.dataset.YamlTree;

/**
 * Reads one system definition and checks what one file can tell on its own: the shape, the code
 * against the segments, the counts against the named tracks. What needs the rest of the dataset (the
 * city's tracks, the regions, the sources) is recorded as references for {@link AtlasRules}.
 */
final class SystemReader {

	private static final Pattern DIGITS = Pattern.compile("\\d+");

	private static final List<String> SYSTEM_KEYS = keys("id", "scope", "region", "name", "code", "effective",
			"segments", "segments_unknown");

	private static final List<String> SEGMENT_KEYS = keys("number", "name", "principles", "layers");

	private static final List<String> LAYER_KEYS = keys("id", "name", "count", "layers", "tracks");

	private static final List<String> TRACK_KEYS = keys("id", "name", "alignment");

	private static final List<String> ALIGNMENT_KEYS = keys("to", "specific", "unknown", "within");

	private static final List<String> PRINCIPLE_KEYS = keys("name");

	/** A reference to something another file declares, checked once the whole dataset is read. */
	record Reference(String kind, String id, Position position, String fromSystem) {
	}

	private final DatasetReading reading;

	private final List<Reference> references;

	SystemReader(DatasetReading reading, List<Reference> references) {
		this.reading = reading;
		this.references = references;
	}

	private static List<String> keys(String... own) {
		List<String> all = new ArrayList<>(List.of(own));
		all.addAll(DatasetReading.provenanceKeys());
		return List.copyOf(all);
	}

	private Problems problems() {
		return reading.problems();
	}

	Optional<IndustrialSystem> read(YamlTree root) {
		if (!root.isMapping()) {
			problems().inconsistent(root.position(), "a system definition (a mapping)", "something else");
			return Optional.empty();
		}
		root.allowOnly(SYSTEM_KEYS);
		String id = root.requiredText("id");
		if (id != null) {
			reading.declare("system", id, root.child("id").get().position());
		}
		Scope scope = scope(root);
		String region = root.requiredText("region");
		if (region != null) {
			references.add(new Reference("region", region, root.child("region").get().position(), id));
		}
		LocalizedText name = root.localized("name", true);
		String code = root.text("code");
		var effective = root.required("effective").map(YamlTree::asDate).orElse(null);
		Provenance provenance = reading.provenance(root, null);

		String segmentsUnknown = root.text("segments_unknown");
		List<Segment> segments = new ArrayList<>();
		List<YamlTree> segmentNodes = root.list("segments");
		for (YamlTree segmentNode : segmentNodes) {
			segment(segmentNode, scope, provenance, id).ifPresent(segments::add);
		}
		if (segmentsUnknown != null && !segmentNodes.isEmpty()) {
			problems().inconsistent(root.child("segments_unknown").get().position(),
					"either segments or segments_unknown", "both");
		}
		if (segmentsUnknown == null && segmentNodes.isEmpty()) {
			problems().inconsistent(root.position(), "segments, or segments_unknown with the reason they are not known",
					"neither");
		}
		if (segmentsUnknown != null) {
			problems().incomplete(root.child("segments_unknown").get().position(), "the segments of the system",
					"not published: " + segmentsUnknown);
		}
		if (code == null) {
			problems().incomplete(root.position().at(path(root, "code"), root.position().line(), 0),
					"the system's code", "not published");
		}
		else if (!segments.isEmpty()) {
			checkCode(root, code, segments);
		}
		if (id == null || scope == null || region == null || name == null || effective == null) {
			return Optional.empty();
		}
		return Optional.of(new IndustrialSystem(id, 0, scope, region, name, code, effective, provenance, segments,
				segmentsUnknown));
	}

	private static String path(YamlTree node, String key) {
		return node.position().path().isEmpty() ? key : node.position().path() + "." + key;
	}

	private Scope scope(YamlTree root) {
		String text = root.requiredText("scope");
		if (text == null) {
			return null;
		}
		return switch (text) {
			case "city" -> Scope.CITY;
			case "district" -> Scope.DISTRICT;
			default -> {
				problems().inconsistent(root.child("scope").get().position(), "scope city or district", "'" + text + "'");
				yield null;
			}
		};
	}

	/** A digit code spells its segment numbers; a "+" code lists them. */
	private void checkCode(YamlTree root, String code, List<Segment> segments) {
		List<String> numbers = segments.stream().map(Segment::number).toList();
		Position where = root.child("code").get().position();
		if (code.contains("+")) {
			List<String> parts = List.of(code.split("\\+", -1)).stream().map(String::strip).toList();
			if (!parts.equals(numbers)) {
				problems().inconsistent(where, "segments numbered " + String.join(", ", parts) + " as the code '" + code
						+ "' says", "segments numbered " + String.join(", ", numbers));
			}
		}
		else if (!DIGITS.matcher(code).matches()) {
			problems().inconsistent(where, "a code of digits ('12218') or of parts joined by '+' ('6+6+X')",
					"'" + code + "'");
		}
		else if (!String.join("", numbers).equals(code)) {
			problems().inconsistent(where, "segment numbers that spell the code '" + code + "'",
					"segments " + String.join(" + ", numbers) + " = '" + String.join("", numbers) + "'");
		}
	}

	private Optional<Segment> segment(YamlTree node, Scope scope, Provenance inherited, String systemId) {
		node.allowOnly(SEGMENT_KEYS);
		String number = node.requiredText("number");
		Integer declared = null;
		if (number != null) {
			if (number.equalsIgnoreCase("X")) {
				problems().incomplete(node.child("number").get().position(), "the segment's count", "'X' (not published)");
			}
			else if (DIGITS.matcher(number).matches()) {
				declared = Integer.valueOf(number);
			}
			else {
				problems().inconsistent(node.child("number").get().position(), "a segment number of digits, or X",
						"'" + number + "'");
			}
		}
		LocalizedText name = node.localized("name", false);
		Provenance provenance = reading.provenance(node, inherited);
		List<Principle> principles = new ArrayList<>();
		for (YamlTree principle : node.list("principles")) {
			principle.allowOnly(PRINCIPLE_KEYS);
			LocalizedText text = principle.localized("name", true);
			if (text != null) {
				principles.add(new Principle(text, reading.provenance(principle, provenance)));
			}
		}
		List<Layer> layers = new ArrayList<>();
		for (YamlTree layer : node.list("layers")) {
			layer(layer, scope, provenance, systemId).ifPresent(layers::add);
		}
		if (!principles.isEmpty() && !layers.isEmpty()) {
			problems().inconsistent(node.position(), "principles or layers in a segment", "both");
		}
		if (declared != null) {
			if (!principles.isEmpty()) {
				compareCount(node.position(), "segment " + number, declared, principles.size(), "principles");
			}
			else if (!layers.isEmpty()) {
				checkSum(node.position(), "segment " + number, declared, layers);
			}
		}
		if (principles.isEmpty() && layers.isEmpty()) {
			problems().incomplete(node.position(), "the content of segment " + number, "not published");
		}
		return number == null ? Optional.empty()
				: Optional.of(new Segment(number, declared, name, principles, layers, provenance));
	}

	private void compareCount(Position where, String what, int declared, int named, String items) {
		if (named > declared) {
			problems().inconsistent(where, what + " to name at most " + declared + " " + items, named + " " + items);
		}
		else if (named < declared) {
			problems().incomplete(where, declared + " " + items + " in " + what,
					named + " named, " + (declared - named) + " not published");
		}
	}

	private void checkSum(Position where, String what, int declared, List<Layer> layers) {
		if (layers.stream().anyMatch(l -> l.declaredCount() == null)) {
			return;
		}
		int sum = layers.stream().mapToInt(Layer::declaredCount).sum();
		if (sum != declared) {
			problems().inconsistent(where, "the counts of " + what + "'s layers to add up to " + declared,
					layers.stream().map(l -> l.id() + " " + l.declaredCount()).reduce((a, b) -> a + " + " + b).orElse("")
							+ " = " + sum);
		}
	}

	private Optional<Layer> layer(YamlTree node, Scope scope, Provenance inherited, String systemId) {
		node.allowOnly(LAYER_KEYS);
		String id = node.requiredText("id");
		if (id != null) {
			reading.declare("layer", id, node.child("id").get().position());
		}
		LocalizedText name = node.localized("name", true);
		Integer count = node.integer("count");
		if (count != null && count < 0) {
			problems().inconsistent(node.child("count").get().position(), "a count of zero or more", count.toString());
			count = null;
		}
		Provenance provenance = reading.provenance(node, inherited);
		List<Layer> sublayers = new ArrayList<>();
		for (YamlTree sublayer : node.list("layers")) {
			layer(sublayer, scope, provenance, systemId).ifPresent(sublayers::add);
		}
		List<Track> tracks = new ArrayList<>();
		for (YamlTree track : node.list("tracks")) {
			track(track, scope, provenance, systemId).ifPresent(tracks::add);
		}
		if (!sublayers.isEmpty() && !tracks.isEmpty()) {
			problems().inconsistent(node.position(), "sub-layers or tracks in layer " + id, "both");
		}
		if (count == null) {
			problems().incomplete(node.position().at(path(node, "count"), node.position().line(), 0),
					"the number of tracks in layer " + id, "not published");
		}
		else if (!sublayers.isEmpty()) {
			checkSum(node.position(), "layer " + id, count, sublayers);
		}
		else {
			compareCount(node.position(), "layer " + id, count, tracks.size(), "tracks");
		}
		if (id == null || name == null) {
			return Optional.empty();
		}
		return Optional.of(new Layer(id, name, count, sublayers, tracks, provenance));
	}

	private Optional<Track> track(YamlTree node, Scope scope, Provenance inherited, String systemId) {
		node.allowOnly(TRACK_KEYS);
		String id = node.requiredText("id");
		if (id != null) {
			reading.declare("track", id, node.child("id").get().position());
		}
		LocalizedText name = node.localized("name", true);
		Provenance provenance = reading.provenance(node, inherited);
		Alignment alignment = null;
		Optional<YamlTree> alignmentNode = node.child("alignment");
		if (scope == Scope.CITY && alignmentNode.isPresent()) {
			problems().inconsistent(alignmentNode.get().position(), "no alignment on a city track",
					"an alignment");
		}
		else if (scope == Scope.DISTRICT) {
			if (alignmentNode.isEmpty()) {
				problems().incomplete(node.position(), "an alignment of district track " + id + " to city tracks",
						"none stated");
			}
			else {
				alignment = alignment(alignmentNode.get(), provenance, id, systemId);
			}
		}
		if (id == null || name == null) {
			return Optional.empty();
		}
		return Optional.of(new Track(id, name, alignment, provenance));
	}

	private Alignment alignment(YamlTree node, Provenance inherited, String trackId, String systemId) {
		node.allowOnly(ALIGNMENT_KEYS);
		Provenance provenance = reading.provenance(node, inherited);
		List<YamlTree> targets = node.list("to");
		String specific = node.text("specific");
		String unknown = node.text("unknown");
		String within = node.text("within");
		int stated = (targets.isEmpty() ? 0 : 1) + (specific == null ? 0 : 1) + (unknown == null ? 0 : 1);
		if (stated != 1) {
			problems().inconsistent(node.position(),
					"exactly one of to (city tracks), specific (a reason) or unknown (a reason)",
					stated == 0 ? "none" : "several");
			return null;
		}
		if (within != null) {
			references.add(new Reference("city layer", within, node.child("within").get().position(), systemId));
		}
		if (!targets.isEmpty()) {
			List<String> ids = new ArrayList<>();
			for (YamlTree target : targets) {
				String cityTrack = target.asText();
				if (cityTrack != null) {
					ids.add(cityTrack);
					references.add(new Reference("city track", cityTrack, target.position(), systemId));
				}
			}
			return new Alignment(Alignment.Kind.ALIGNED, ids, null, within, provenance);
		}
		if (specific != null) {
			return new Alignment(Alignment.Kind.SPECIFIC, List.of(), specific, within, provenance);
		}
		problems().incomplete(node.position(), "the city tracks district track " + trackId + " aligns to",
				"not known: " + unknown);
		return new Alignment(Alignment.Kind.UNKNOWN, List.of(), unknown, within, provenance);
	}

}
