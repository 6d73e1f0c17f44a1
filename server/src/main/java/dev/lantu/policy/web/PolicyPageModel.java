package dev.lantu.policy.web;

import java.util.Comparator;
import java.util.List;

import dev.lantu.engine.policy.Parameter;
import dev.lantu.policy.StoredPolicy;

/** What the policy's pages and its JSON share in presenting one policy. */
final class PolicyPageModel {

	private PolicyPageModel() {
	}

	/** The policy's parameters in the order its file declares them, as a reviewer reads them. */
	static List<Parameter> parameters(StoredPolicy stored) {
		String text = stored.text();
		return stored.document().parameters().types().names().stream()
			.sorted(Comparator.comparingInt((String name) -> position(text, name)).thenComparing(name -> name))
			.flatMap(name -> stored.document().parameters().parameter(name).stream())
			.toList();
	}

	private static int position(String text, String name) {
		int at = text.indexOf("\n  " + name + ":");
		return at < 0 ? Integer.MAX_VALUE : at;
	}

}
