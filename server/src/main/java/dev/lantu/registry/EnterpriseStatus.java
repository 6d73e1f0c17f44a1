package dev.lantu.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** 登记状态: the state of an enterprise in the business register. */
public enum EnterpriseStatus {

	OPERATING("存续", List.of("在业", "开业", "存续（在营、开业、在册）", "active")),
	SUSPENDED("停业", List.of("歇业")),
	REVOKED("吊销", List.of("吊销，未注销", "吊销未注销")),
	CANCELLED("注销", List.of("已注销")),
	MOVED_OUT("迁出", List.of("已迁出"));

	private final String zh;

	private final List<String> aliases;

	EnterpriseStatus(String zh, List<String> aliases) {
		this.zh = zh;
		this.aliases = aliases;
	}

	public String zh() {
		return zh;
	}

	/** By its Chinese name, a usual variant (在业, 开业), or its English constant. */
	public static Optional<EnterpriseStatus> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String t = text.strip();
		return Arrays.stream(values())
			.filter(s -> s.zh.equals(t) || s.name().equalsIgnoreCase(t.replace(' ', '_')) || s.aliases.contains(t)
					|| s.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t)))
			.findFirst();
	}

}
