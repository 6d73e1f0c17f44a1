package dev.lantu.projects.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetDirectory;
import dev.lantu.dataset.DatasetPart;
import dev.lantu.dataset.DatasetReading;
import dev.lantu.dataset.LocalizedText;
import dev.lantu.dataset.Provenance;
import dev.lantu.dataset.YamlTree;
import dev.lantu.projects.Target;

/**
 * The projects' share of a dataset: {@code targets.yaml}, each target checked against the regions and
 * indicators the atlas part declared before it.
 */
@Component
@Order(20)
class TargetsDatasetPart implements DatasetPart {

	private static final Set<String> COMPARISONS = Set.of(">", ">=", "~");

	private final TargetRepository repository;

	TargetsDatasetPart(TargetRepository repository) {
		this.repository = repository;
	}

	@Override
	public Prepared read(DatasetDirectory directory, DatasetReading reading) {
		List<Target> targets = new ArrayList<>();
		directory.read("targets.yaml")
			.flatMap(file -> YamlTree.parse(file.name(), file.text(), reading.problems()))
			.ifPresent(root -> {
				root.allowOnly(List.of("targets"));
				List<String> keys = new ArrayList<>(List.of("id", "region", "indicator", "name", "baseline", "target", "yearly"));
				keys.addAll(DatasetReading.provenanceKeys());
				for (YamlTree node : root.list("targets")) {
					node.allowOnly(keys);
					read(node, reading).ifPresent(targets::add);
				}
			});
		return load -> repository.replaceAll(targets, load);
	}

	private java.util.Optional<Target> read(YamlTree node, DatasetReading reading) {
		String id = node.requiredText("id");
		String region = node.requiredText("region");
		String indicator = node.requiredText("indicator");
		LocalizedText name = node.localized("name", true);
		Provenance provenance = reading.provenance(node, null);
		boolean yearly = node.flag("yearly");
		if (region != null && !reading.declared("region").contains(region)) {
			reading.problems().inconsistent(node.child("region").get().position(), "a region code from regions.yaml",
					"'" + region + "'" + DatasetReading.suggestion(region, reading.declared("region")));
		}
		if (indicator != null && !reading.declared("indicator").contains(indicator)) {
			reading.problems().inconsistent(node.child("indicator").get().position(),
					"an indicator id from dataset.yaml",
					"'" + indicator + "'" + DatasetReading.suggestion(indicator, reading.declared("indicator")));
		}
		Integer baselineYear = null;
		BigDecimal baselineValue = null;
		if (node.has("baseline")) {
			YamlTree baseline = node.child("baseline").get();
			baseline.allowOnly(List.of("year", "value"));
			baselineYear = baseline.required("year").map(YamlTree::asInteger).orElse(null);
			baselineValue = decimal(baseline, "value", reading);
		}
		YamlTree target = node.required("target").orElse(null);
		if (target == null) {
			return java.util.Optional.empty();
		}
		target.allowOnly(List.of("year", "value", "comparison"));
		Integer targetYear = target.required("year").map(YamlTree::asInteger).orElse(null);
		BigDecimal targetValue = decimal(target, "value", reading);
		String comparison = target.text("comparison") == null ? ">=" : target.text("comparison");
		if (!COMPARISONS.contains(comparison)) {
			reading.problems().inconsistent(target.child("comparison").get().position(), ">, >= or ~", "'" + comparison + "'");
		}
		if (baselineYear != null && targetYear != null && !yearly && targetYear <= baselineYear) {
			reading.problems().inconsistent(target.position(), "a target year after the baseline year " + baselineYear,
					targetYear.toString());
		}
		if (id == null || !reading.declare("target", id, node.position()) || region == null || indicator == null
				|| name == null || targetYear == null || targetValue == null) {
			return java.util.Optional.empty();
		}
		if (baselineValue == null) {
			reading.problems().incomplete(node.position(), "a baseline for target " + id,
					"none published; the growth it needs is unknown");
		}
		return java.util.Optional.of(new Target(id, region, indicator, name, baselineYear, baselineValue, targetYear,
				targetValue, comparison, yearly, provenance));
	}

	private static BigDecimal decimal(YamlTree node, String key, DatasetReading reading) {
		String text = node.text(key);
		if (text == null) {
			return null;
		}
		try {
			return new BigDecimal(text);
		}
		catch (NumberFormatException e) {
			reading.problems().inconsistent(node.child(key).get().position(), "a decimal number", "'" + text + "'");
			return null;
		}
	}

}
