package dev.lantu.projects;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.lantu.accounts.Access;
import dev.lantu.accounts.Caller;
import dev.lantu.accounts.Role;
import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.IndicatorValue;
import dev.lantu.projects.store.TargetRepository;

/**
 * The targets of the dataset and where each stands against the indicators' actual values. For officials only
 * (docs/accounts.md): the administrator and policy officers see every target, a district officer their district's
 * (a target of another region is, to them, not there).
 */
@Service
public class TargetService {

	private final TargetRepository targets;

	private final AtlasService atlas;

	TargetService(TargetRepository targets, AtlasService atlas) {
		this.targets = targets;
		this.atlas = atlas;
	}

	public List<TargetStatus> all(String regionCode) {
		Caller caller = Access.caller();
		Access.require(caller.isOfficial(), "read the targets");
		return targets.all().stream()
			.filter(t -> regionCode == null || t.regionCode().equals(regionCode))
			.filter(t -> visible(caller, t))
			.map(this::status)
			.toList();
	}

	public Optional<TargetStatus> one(String id) {
		Caller caller = Access.caller();
		Access.require(caller.isOfficial(), "read the targets");
		return targets.all().stream().filter(t -> t.id().equals(id)).filter(t -> visible(caller, t)).findFirst()
			.map(this::status);
	}

	/** A district officer sees their district's targets; other officials every target. */
	private static boolean visible(Caller caller, Target target) {
		return !caller.is(Role.DISTRICT_OFFICER) || caller.district().equals(target.regionCode());
	}

	TargetStatus status(Target target) {
		List<IndicatorValue> actual = atlas.indicators(target.regionCode()).stream()
			.filter(v -> v.indicator().equals(target.indicator()))
			.filter(v -> target.baselineYear() == null || v.year() > target.baselineYear())
			.sorted(Comparator.comparingInt(IndicatorValue::year))
			.toList();
		BigDecimal growth = requiredGrowth(target);
		Optional<IndicatorValue> latest = actual.stream().filter(IndicatorValue::known).reduce((a, b) -> b);
		if (latest.isEmpty()) {
			return target.baselineYear() == null
					? new TargetStatus(target, growth, actual, TargetStatus.Status.UNKNOWN,
							"no value of " + target.indicator() + " is known since the target was set", "noValue", List.of())
					: new TargetStatus(target, growth, actual, TargetStatus.Status.UNKNOWN, "no value of " + target.indicator()
							+ " is known since the baseline year " + target.baselineYear(), "noValueSinceBaseline",
							List.of(target.baselineYear()));
		}
		IndicatorValue last = latest.get();
		if (meets(last, target.targetValue(), target.comparison())) {
			return new TargetStatus(target, growth, actual, TargetStatus.Status.ACHIEVED,
					describe(last) + " meets " + target.comparison() + " " + target.targetValue().toPlainString()
							+ (target.yearly() ? " (in " + last.year() + ")" : ""),
					"meets", List.of(last.year(), shown(last), target.comparison(), target.targetValue().toPlainString()));
		}
		if (target.yearly()) {
			return new TargetStatus(target, growth, actual, TargetStatus.Status.BEHIND,
					describe(last) + " falls short of " + target.comparison() + " " + target.targetValue().toPlainString(),
					"shortYearly", List.of(last.year(), shown(last), target.comparison(), target.targetValue().toPlainString()));
		}
		if (growth == null) {
			return new TargetStatus(target, null, actual, TargetStatus.Status.UNKNOWN,
					describe(last) + " is not there yet, and without a baseline the path to " + target.targetYear()
							+ " is unknown", "noBaseline", List.of(last.year(), shown(last), target.targetYear()));
		}
		BigDecimal path = pathValue(target, last.year());
		TargetStatus.Status status = last.value().compareTo(path) >= 0 ? TargetStatus.Status.ON_TRACK
				: TargetStatus.Status.BEHIND;
		String pathValue = path.setScale(2, RoundingMode.HALF_UP).toPlainString();
		return new TargetStatus(target, growth, actual, status, describe(last) + (status == TargetStatus.Status.ON_TRACK
				? " is at or above " : " is below ") + "the path of " + growth.toPlainString() + "% a year, which gives "
				+ pathValue + " for " + last.year(), status == TargetStatus.Status.ON_TRACK ? "onPath" : "belowPath",
				List.of(last.year(), shown(last), growth.toPlainString(), pathValue));
	}

	/** A value as published, with its qualifier (">400"). */
	private static String shown(IndicatorValue value) {
		return (value.qualifier() == null ? "" : value.qualifier()) + value.value().toPlainString();
	}

	private static String describe(IndicatorValue value) {
		return value.year() + ": " + (value.qualifier() == null ? "" : value.qualifier()) + value.value().toPlainString();
	}

	/** Whether an actual value meets the target; "over 400" meets "over 400", "about 400" does not. */
	static boolean meets(IndicatorValue actual, BigDecimal target, String comparison) {
		int compared = actual.value().compareTo(target);
		boolean strictlyAbove = compared > 0 || (compared == 0 && ">".equals(actual.qualifier()));
		return switch (comparison) {
			case ">" -> strictlyAbove;
			default -> compared >= 0;
		};
	}

	/** (target / baseline)^(1 / years) - 1, in percent with two decimals; null without a baseline. */
	static BigDecimal requiredGrowth(Target target) {
		if (target.yearly() || target.baselineYear() == null || target.baselineValue() == null
				|| target.baselineValue().signum() <= 0 || target.targetYear() <= target.baselineYear()) {
			return null;
		}
		double ratio = target.targetValue().doubleValue() / target.baselineValue().doubleValue();
		double years = target.targetYear() - target.baselineYear();
		return BigDecimal.valueOf((Math.pow(ratio, 1 / years) - 1) * 100).setScale(2, RoundingMode.HALF_UP);
	}

	private static BigDecimal pathValue(Target target, int year) {
		double rate = requiredGrowth(target).doubleValue() / 100;
		double value = target.baselineValue().doubleValue() * Math.pow(1 + rate, year - target.baselineYear());
		return new BigDecimal(value, MathContext.DECIMAL64);
	}

}
