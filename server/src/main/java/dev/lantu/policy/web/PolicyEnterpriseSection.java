package dev.lantu.policy.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.lantu.accounts.Access;
import dev.lantu.engine.policy.Assessment;
import dev.lantu.policy.CalculationReport;
import dev.lantu.policy.PolicyMatching;
import dev.lantu.registry.EnterprisePageSection;

/**
 * The policies an enterprise of the registry qualifies for, on its page: each policy and clause that is
 * eligible or still undetermined, the amount, the clauses paid without an application (免申即享) marked, and a
 * link to the calculator's explanation.
 */
@Component
class PolicyEnterpriseSection implements EnterprisePageSection {

	private final PolicyMatching matching;

	PolicyEnterpriseSection(PolicyMatching matching) {
		this.matching = matching;
	}

	@Override
	public String template() {
		return "policy/enterprise-policies";
	}

	@Override
	public String fragment() {
		return "policies";
	}

	@Override
	public Map<String, Object> model(String uscc, Locale locale) {
		if (!matching.mayReadPolicies(uscc)) {
			// not the caller's to see: the fragment shows nothing (docs/accounts.md)
			return Map.of("uscc", uscc, "hidden", true);
		}
		CalculationReport report = matching.forEnterprise(uscc, null, null);
		List<Map<String, Object>> policies = report.policies().stream().filter(CalculationReport.PolicyResult::inForce)
			.map(policy -> Map.<String, Object>of("policy", policy, "clauses", policy.clauses().stream()
				.filter(c -> c.status() == Assessment.Status.ELIGIBLE || c.status() == Assessment.Status.UNDETERMINED)
				.toList()))
			.filter(entry -> !((List<?>) entry.get("clauses")).isEmpty())
			.toList();
		// why a policy pays what it pays is the matches' explanation: for officials (docs/accounts.md)
		return Map.of("uscc", uscc, "report", report, "policies", policies, "hidden", false, "why",
				Access.caller().isOfficial());
	}

}
