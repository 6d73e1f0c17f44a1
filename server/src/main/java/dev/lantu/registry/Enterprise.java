package dev.lantu.registry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An enterprise of the registry, by its unified social credit code: its names, where it is registered
 * (GB/T 2260 district), its industry (GB/T 4754-2017 class, null when unknown), when it was founded
 * (成立日期, the policy variable {@code registered_on}), its status and business scope. {@code version}
 * guards against lost updates; every synthetic record says so.
 */
public record Enterprise(String uscc, String name, List<String> formerNames, String districtCode, String industryCode,
		LocalDate registeredOn, EnterpriseStatus status, String businessScope, boolean synthetic, int version,
		String createdBy, OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

	public Enterprise {
		formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
	}

}
