package dev.lantu.accounts;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.lantu.dataset.DatasetWriting;

/** A dataset written (at start-up or by an administrator's reload) is a write like any other: audited with it. */
@Component
class DatasetAudit {

	private final AuditLog audit;

	DatasetAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void written(DatasetWriting writing) {
		var load = writing.load();
		audit.record("dataset.load", "dataset", load.datasetId(), null, null,
				Map.of("loadId", load.id(), "location", load.location(), "fingerprint", load.fingerprint(),
						"incompleteFacts", writing.incompleteFacts()));
	}

}
