package dev.lantu.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The qualifications (资质认定) the registry knows, each under the label the policy schema's
 * {@code qualifications} set uses, with the names officials also write for it.
 */
public enum QualificationType {

	HIGH_TECH("高新技术企业", List.of("高企", "国家高新技术企业", "国家级高新技术企业")),
	TECH_SME("科技型中小企业", List.of("科技型中小企业入库")),
	SPECIALISED_SME("专精特新中小企业", List.of("专精特新", "专精特新企业", "省级专精特新中小企业")),
	LITTLE_GIANT("专精特新“小巨人”企业", List.of("小巨人", "专精特新小巨人", "专精特新\"小巨人\"企业", "专精特新“小巨人”",
			"国家级专精特新小巨人企业")),
	LISTED("上市企业", List.of("上市公司")),
	LARGE_MODEL("大模型企业", List.of());

	private final String label;

	private final List<String> aliases;

	QualificationType(String label, List<String> aliases) {
		this.label = label;
		this.aliases = aliases;
	}

	/** The label in the policy schema's {@code qualifications} set. */
	public String label() {
		return label;
	}

	public static Optional<QualificationType> parse(String text) {
		String t = text == null ? "" : text.strip();
		return Arrays.stream(values()).filter(q -> q.label.equals(t) || q.aliases.contains(t) || q.name().equalsIgnoreCase(t))
			.findFirst();
	}

	public static String known() {
		return String.join("、", Arrays.stream(values()).map(QualificationType::label).toList());
	}

}
