package dev.wanctl.cli;

import dev.wanctl.core.Version;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wanctl generate-docs} (hidden): man pages and the bash/zsh completion script, generated
 * from the command model itself so that they never drift from {@code --help}; the package build
 * runs it.
 */
@Command(name = "generate-docs", hidden = true, mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Write the man pages and the bash/zsh completion script (the package build runs this).")
final class GenerateDocsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--man-dir", paramLabel = "DIR", description = "Where to write wanctl.1 and wanctl-<command>.1.")
    Path manDir;

    @Option(names = "--completion", paramLabel = "FILE", description = "Where to write the completion script.")
    Path completion;

    @Override
    public Integer call() {
        CommandLine root = spec.root().commandLine();
        try {
            if (manDir != null) {
                Files.createDirectories(manDir);
                for (var page : ManPages.pages(root, Version.get()).entrySet()) {
                    Files.writeString(manDir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
                }
            }
            if (completion != null) {
                Path dir = completion.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                Files.writeString(completion, AutoComplete.bash("wanctl", root), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
