package dev.lantu.registry;

import java.util.Locale;
import java.util.Map;

/**
 * A section another module adds to the enterprise page ({@code /enterprises/{uscc}}), such as the policies the
 * enterprise qualifies for, so the registry shows it without knowing that module. The page renders the
 * fragment with the model as {@code section}.
 */
public interface EnterprisePageSection {

	/** The Thymeleaf template holding the fragment, such as {@code policy/enterprise-policies}. */
	String template();

	/** The fragment's name in the template. */
	String fragment();

	/** What the fragment reads, for this enterprise. */
	Map<String, Object> model(String uscc, Locale locale);

}
