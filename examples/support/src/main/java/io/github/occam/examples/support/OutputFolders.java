package io.github.occam.examples.support;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The check of a command's output folder ({@code --out}, {@code --save-weights}, ...) before it
 * does any work: a folder the command could not write into is refused then, naming the option,
 * and not after minutes of computing, with the bare path of a failed write.
 *
 * <pre>{@code
 * OutputFolders.check("--out", out);          // then read the data, compute, write into out
 * }</pre>
 */
public final class OutputFolders {

    private OutputFolders() {
    }

    /**
     * Checks that {@code dir} is a directory or can be created as one. The folders the check
     * creates to find that out are removed again, so a command refused later leaves nothing.
     *
     * @param option the option that names the folder, for the message
     * @throws InputException if {@code dir} is a file or cannot be created, naming the option, the
     *     folder and why
     * @throws IOException if a folder the check made cannot be removed
     */
    public static void check(String option, Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InputException(option + " " + dir + " is a file, not a directory");
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            Files.createDirectories(dir);
        } catch (FileSystemException e) {
            throw new InputException(option + " " + dir + ": the folder cannot be created ("
                    + CommandErrors.reason(e) + ")");
        } finally {
            // the folders this check made go again
            for (Path p = dir.toAbsolutePath(); existing != null && !p.equals(existing); p = p.getParent()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(p);
                }
            }
        }
    }
}
