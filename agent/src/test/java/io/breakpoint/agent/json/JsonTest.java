package io.breakpoint.agent.json;

import io.breakpoint.agent.Samples;
import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SiteConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void aSampleWithEveryFieldSurvivesTheRoundTrip() {
        Sample sample = Samples.everything();

        String json = Json.write(sample);

        assertThat(Json.read(json, Sample.class)).isEqualTo(sample);
        assertThat(json).contains("\"takenAt\":\"2026-11-25T12:00:00.123Z\"").doesNotContain("\n");
    }

    @Test
    void unknownFieldsAreIgnoredAndMissingOnesAreEmpty() {
        SiteConfig config = Json.read("{\"version\":7,\"sampleEverySeconds\":30,\"futureField\":{\"a\":[1,2]},"
                + "\"emrEndpoints\":[\"https://emr.example.com\"]}", SiteConfig.class);

        assertThat(config.version()).isEqualTo(7);
        assertThat(config.sampleEverySeconds()).isEqualTo(30);
        assertThat(config.emrEndpoints()).containsExactly("https://emr.example.com");
        assertThat(config.edgeHost()).isNull();
        assertThat(config.maxBatchSamples()).isZero();
    }

    @Test
    void readsWhatAServerWrites() {
        UUID id = UUID.randomUUID();
        BatchReceipt receipt = Json.read(" {\"accepted\" : 3, \"duplicates\": 1, \"rejected\": [ {\"sampleId\": \"" + id
                + "\", \"reason\": \"taken in the future\\u0021\"} ] } ", BatchReceipt.class);

        assertThat(receipt).isEqualTo(new BatchReceipt(3, 1, List.of(new BatchReceipt.Rejected(id, "taken in the future!"))));
    }

    @Test
    void textThatIsNotJsonOrDoesNotFitIsMalformed() {
        assertThatThrownBy(() -> Json.read("<html>proxy login</html>", SiteConfig.class)).isInstanceOf(Json.MalformedJson.class);
        assertThatThrownBy(() -> Json.read("{\"version\":\"seven\"}", SiteConfig.class)).isInstanceOf(Json.MalformedJson.class);
        assertThatThrownBy(() -> Json.read("{\"version\":1", SiteConfig.class)).isInstanceOf(Json.MalformedJson.class);
        assertThatThrownBy(() -> Json.read("[]", SiteConfig.class)).isInstanceOf(Json.MalformedJson.class);
        assertThatThrownBy(() -> Json.read("{\"sampleEverySeconds\":1e40}", SiteConfig.class)).isInstanceOf(Json.MalformedJson.class);
    }

    @Test
    void controlCharactersAndQuotesAreEscaped() {
        String note = "line one\nline \"two\"\t\\ \u0001";

        assertThat(Json.read(Json.write(new Wrapper(note)), Wrapper.class).note()).isEqualTo(note);
    }

    record Wrapper(String note) {}
}
