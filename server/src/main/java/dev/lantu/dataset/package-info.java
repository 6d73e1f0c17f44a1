/**
 * Datasets: the directory a city's data comes in (see {@code docs/dataset-format.md}), its source
 * catalogue, and the positioned problems a broken dataset is refused with. Every module's dataset
 * loader reads its part through here, so each file is read the same way and each problem names
 * file, line, path, what was expected and what was found.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.lantu.dataset;
