package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The per-request temp directory: private, bounded, scrubbed from output, deleted. */
class RestEvidenceUploadTest {

    @Test
    void uploaded_names_become_one_harmless_path_segment() {
        assertThat(EvidenceUpload.safeName("tls.reg", 0)).isEqualTo("tls.reg");
        assertThat(EvidenceUpload.safeName("C:\\exports\\tls.reg", 0)).isEqualTo("tls.reg");
        assertThat(EvidenceUpload.safeName("../../etc/passwd", 0)).isEqualTo("passwd");
        assertThat(EvidenceUpload.safeName("..", 1)).isEqualTo("evidence-2");
        assertThat(EvidenceUpload.safeName(null, 0)).isEqualTo("evidence-1");
        assertThat(EvidenceUpload.safeName("a\u0000b*?.txt", 0)).isEqualTo("a_b__.txt");
        assertThat(EvidenceUpload.safeName("x".repeat(300) + ".reg", 0)).hasSize(120).endsWith(".reg");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void the_directory_is_private_and_deleted_on_close() throws IOException {
        Path dir;
        Path file;
        try (EvidenceUpload upload = EvidenceUpload.create(1024)) {
            dir = upload.directory();
            file = upload.save("tls.reg", input("hello"));

            assertThat(Files.getPosixFilePermissions(dir))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE);
            assertThat(file.getFileName()).hasToString("tls.reg");
            assertThat(upload.files()).containsExactly(file);
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void the_limit_counts_all_files_together() throws IOException {
        try (EvidenceUpload upload = EvidenceUpload.create(10)) {
            upload.save("a", input("123456"));

            assertThatThrownBy(() -> upload.save("b", input("123456")))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.status().getCode()).isEqualTo(413));
        }
    }

    @Test
    void stored_paths_are_scrubbed_to_uploaded_names_in_text_and_report_trees() throws IOException {
        try (EvidenceUpload upload = EvidenceUpload.create(1024)) {
            Path reg = upload.save("tls.reg", input("x"));
            Path si = upload.save("systeminfo.txt", input("y"));
            String sep = File.separator;

            assertThat(upload.scrub(reg + ":12: bad line")).isEqualTo("tls.reg:12: bad line");
            assertThat(upload.scrub("contradicts " + si + ": OS")).isEqualTo("contradicts systeminfo.txt: OS");
            assertThat(upload.scrub(upload.directory() + sep + "other")).isEqualTo("upload" + sep + "other");
            Object tree = upload.scrub((Object) Map.of("hosts", List.of(Map.of("location", reg.toString())),
                    "n", 1));
            assertThat(tree).isEqualTo(Map.of("hosts", List.of(Map.of("location", "tls.reg")), "n", 1));
        }
    }

    private static ByteArrayInputStream input(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
