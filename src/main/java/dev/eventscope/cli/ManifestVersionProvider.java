package dev.eventscope.cli;

import picocli.CommandLine;

/** The version from the jar manifest's Implementation-Version, or "dev" when running from classes. */
final class ManifestVersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"eventscope " + version()};
    }

    static String version() {
        String version = ManifestVersionProvider.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
