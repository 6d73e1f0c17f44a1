package dev.lantu.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The filings (备案) the registry knows, under the labels of the policy schema's {@code filings} set.
 * {@code llm_filing_first_on} is the first generative-AI filing; {@code algorithm_filing_first_on} the first
 * algorithm or deep-synthesis filing.
 */
public enum FilingType {

	GENERATIVE_AI("生成式人工智能服务备案", List.of("生成式AI备案", "生成式人工智能备案", "大模型备案", "生成式人工智能（大语言模型）上线备案")),
	ALGORITHM("算法备案", List.of("互联网信息服务算法备案", "境内互联网信息服务算法备案")),
	DEEP_SYNTHESIS("深度合成服务算法备案", List.of("深度合成备案", "深度合成算法备案"));

	private final String label;

	private final List<String> aliases;

	FilingType(String label, List<String> aliases) {
		this.label = label;
		this.aliases = aliases;
	}

	public String label() {
		return label;
	}

	public static Optional<FilingType> parse(String text) {
		String t = text == null ? "" : text.strip();
		return Arrays.stream(values())
			.filter(f -> f.label.equals(t) || f.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t)) || f.name().equalsIgnoreCase(t))
			.findFirst();
	}

	public static String known() {
		return String.join("、", Arrays.stream(values()).map(FilingType::label).toList());
	}

}
