package dev.lantu.policy;

import java.util.List;

import org.springframework.stereotype.Service;

import dev.lantu.engine.lang.Variable;
import dev.lantu.engine.policy.IssuerCap;
import dev.lantu.policy.store.CompiledPolicies;
import dev.lantu.policy.store.PolicyRepository;

/** The loaded dataset's policies: searched in the database, read in full from the compiled documents. */
@Service
public class PolicyCatalogue {

	private final PolicyRepository repository;

	private final CompiledPolicies compiled;

	PolicyCatalogue(PolicyRepository repository, CompiledPolicies compiled) {
		this.repository = repository;
		this.compiled = compiled;
	}

	/** The policies matching every part of the query, newest first. */
	public List<PolicySummary> search(PolicyQuery query) {
		return repository.search(query);
	}

	/**
	 * A policy with its clauses, parameters and reviewed text.
	 *
	 * @throws PolicyNotFoundException when the loaded dataset has no such policy
	 */
	public StoredPolicy policy(String id) {
		return compiled.current().find(id).orElseThrow(() -> new PolicyNotFoundException(id));
	}

	/** The enterprise facts the policies read, in the order the schema declares them. */
	public List<Variable> variables() {
		return compiled.current().variables();
	}

	/**
	 * The caps per enterprise per year on all the policies of one issuer ({@code policies/issuers.yaml}),
	 * which the award ledger enforces across policies.
	 */
	public List<IssuerCap> issuerCaps() {
		return compiled.current().issuerCaps();
	}

	/** The issuers of the loaded policies, for a filter. */
	public List<String> issuers() {
		return compiled.current().policies().stream().map(policy -> policy.document().issuer()).distinct().sorted().toList();
	}

	/** The track ids the loaded policies name, for a filter. */
	public List<String> tracks() {
		return compiled.current().policies().stream().flatMap(policy -> policy.document().tracks().stream())
			.distinct().sorted().toList();
	}

}
