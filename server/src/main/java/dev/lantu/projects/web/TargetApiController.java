package dev.lantu.projects.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.lantu.atlas.AtlasService;
import dev.lantu.atlas.NotInAtlasException;
import dev.lantu.projects.TargetService;
import dev.lantu.projects.TargetStatus;

/** The published targets and where each stands. */
@RestController
@RequestMapping("/api/v1/targets")
@Tag(name = "targets", description = "Targets with the growth they need, the actual path and a status")
class TargetApiController {

	private final TargetService targets;

	private final AtlasService atlas;

	TargetApiController(TargetService targets, AtlasService atlas) {
		this.targets = targets;
		this.atlas = atlas;
	}

	@GetMapping
	@Operation(summary = "Every target (of a region when given): required yearly growth, actual values, status")
	List<TargetStatus> all(@RequestParam(required = false) String region) {
		if (region != null && !region.equals(atlas.city().code())) {
			atlas.district(region);
		}
		return targets.all(region);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One target and where it stands")
	TargetStatus one(@PathVariable String id) {
		return targets.one(id).orElseThrow(() -> new NotInAtlasException("target", id, "a target id from GET /api/v1/targets"));
	}

}
