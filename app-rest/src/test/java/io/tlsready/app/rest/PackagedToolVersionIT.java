package io.tlsready.app.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run by Failsafe against the packaged jar: a report names the version the build stamped into the manifest.
 */
class PackagedToolVersionIT {

    @RegisterExtension
    static final RestServerExtension API = RestServerExtension.onLoopback();

    @Test
    void a_report_names_the_project_version_from_the_jar_manifest(RestClient client) {
        String expected = System.getProperty("tlsready.version");
        assertThat(expected).as("tlsready.version (set by the POM for Failsafe)").isNotBlank();
        Multipart body = new Multipart()
                .file("evidence", "schannel.reg", RestFixtures.schannelWithoutTls12Client())
                .file("evidence", "systeminfo.txt", RestFixtures.systeminfo());

        HttpResponse<String> r = client.post("/api/v1/audits", body.contentType(), body.build());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(RestClient.json(r).path("tool").path("version").asText()).isEqualTo(expected);
    }
}
