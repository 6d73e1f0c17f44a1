/**
 * Atlas: the city's and the districts' industrial systems as versioned data, their segments, layers
 * and tracks, the alignment of district tracks to city tracks, the layout (which district hosts which
 * city track), coverage, overlaps and gaps, the regions with their boundaries and indicators.
 *
 * <p>Partial knowledge is normal here: a layer declares a count and names the tracks known so far,
 * and every answer tells unknown from none.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "dataset", "web" })
package dev.lantu.atlas;
