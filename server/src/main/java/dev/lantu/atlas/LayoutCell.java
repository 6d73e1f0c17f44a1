package dev.lantu.atlas;

import java.util.List;

/** One cell of the district × track matrix, with the evidence behind it. */
public record LayoutCell(String districtCode, String trackId, Hosting hosting, List<HostingEvidence> evidence) {
}
