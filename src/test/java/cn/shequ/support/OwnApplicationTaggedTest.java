package cn.shequ.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every test class that starts an application of its own carries {@link OwnApplicationIT}, so that
 * Maven runs it apart from the shared context (ADR 0041); and the annotation marks no other class.
 */
class OwnApplicationTaggedTest {

    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern STARTS_APPLICATION =
            Pattern.compile("new SpringApplicationBuilder\\(|SpringApplication\\.run\\(|new SpringApplication\\(|new ProcessBuilder\\(");

    @Test
    void everyTestThatStartsAnApplicationRunsInAJvmOfItsOwn() throws IOException {
        List<Path> starting = sources().filter(this::startsApplication).toList();
        List<Path> tagged = sources().filter(this::tagged).toList();
        assertThat(starting).as("test classes that start an application").isNotEmpty();
        assertThat(tagged).as("classes carrying @OwnApplicationIT must be those that start an application")
                .containsExactlyInAnyOrderElementsOf(starting);
    }

    private Stream<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(f -> f.toString().endsWith("IT.java")).toList().stream();
        }
    }

    private boolean startsApplication(Path file) {
        return STARTS_APPLICATION.matcher(read(file)).find();
    }

    private boolean tagged(Path file) {
        return read(file).contains("\n@OwnApplicationIT");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
