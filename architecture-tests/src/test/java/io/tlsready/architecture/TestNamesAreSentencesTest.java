package io.tlsready.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One naming convention for tests (issue 9): every JUnit test method in every module is a snake_case sentence that
 * says what must hold, so a failing test's name reads as the broken promise. Test sources are read as text because
 * the other modules' test classes are not on this module's class path.
 */
class TestNamesAreSentencesTest {

    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern DECLARATION =
            Pattern.compile("^\\s*(?:(?:public|protected|private|static|final)\\s+)*[\\w<>\\[\\], ?]+\\s+(\\w+)\\s*\\(");
    private static final Pattern SENTENCE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @Test
    void every_test_method_in_every_module_is_a_snake_case_sentence() throws IOException {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (Path file : testSources()) {
            List<Named> names = testMethods(Files.readString(file, StandardCharsets.UTF_8));
            checked += names.size();
            for (Named n : names) {
                if (!SENTENCE.matcher(n.name()).matches()) {
                    offenders.add(projectRoot().relativize(file) + ":" + n.line() + " " + n.name());
                }
            }
        }
        assertThat(checked).as("test methods found (the scan must see the code base)").isGreaterThan(500);
        assertThat(offenders).as("test methods not named as snake_case sentences").isEmpty();
    }

    @Test
    void the_scan_flags_a_camel_case_test_and_passes_a_sentence() {
        String source = """
                class Sample {
                    #Test
                    void aValueIsRead() {
                    }

                    #ParameterizedTest(name = "{0}")
                    #ValueSource(strings = {"a"})
                    // a comment between annotation and method
                    void a_value_is_read(String s) {
                    }

                    void helperNotATest() {
                    }
                }
                """.replace('#', '@'); // '#' here, so that this file's own scan does not see these as tests
        List<Named> names = testMethods(source);
        assertThat(names).extracting(Named::name).containsExactly("aValueIsRead", "a_value_is_read");
        assertThat(names).extracting(Named::line).containsExactly(3, 9);
        assertThat(SENTENCE.matcher("aValueIsRead").matches()).isFalse();
        assertThat(SENTENCE.matcher("a_value_is_read").matches()).isTrue();
    }

    record Named(String name, int line) {
    }

    /** The method declared after each test annotation (other annotations and comments in between are skipped). */
    static List<Named> testMethods(String source) {
        List<Named> out = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        boolean pending = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (TEST_ANNOTATION.matcher(line).find()) {
                pending = true;
                continue;
            }
            String trimmed = line.strip();
            if (!pending || trimmed.isEmpty() || trimmed.startsWith("@") || trimmed.startsWith("//")
                    || trimmed.startsWith("*") || trimmed.startsWith("/*") || trimmed.startsWith("\"")
                    || trimmed.startsWith("}")) {
                continue;
            }
            Matcher m = DECLARATION.matcher(line);
            if (m.find()) {
                out.add(new Named(m.group(1), i + 1));
            }
            pending = false;
        }
        return out;
    }

    private static List<Path> testSources() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(projectRoot())) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/test/java"))).toList()) {
                try (Stream<Path> walk = Files.walk(module.resolve("src/test/java"))) {
                    walk.filter(f -> f.toString().endsWith(".java"))
                            .filter(f -> !f.toString().contains("/fixtures/"))
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    /** The reactor root: this module's parent directory, the one holding the modules. */
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("architecture-tests/pom.xml")) ? here : here.getParent();
    }
}
