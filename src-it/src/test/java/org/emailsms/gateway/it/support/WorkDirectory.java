package org.emailsms.gateway.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A drill's working directory, emptied before each run so that nothing of an earlier run is in it. */
public final class WorkDirectory {

    private WorkDirectory() {
    }

    /** {@code dir}, deleted with all it holds if it existed, and created empty. */
    public static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return Files.createDirectories(dir);
    }
}
