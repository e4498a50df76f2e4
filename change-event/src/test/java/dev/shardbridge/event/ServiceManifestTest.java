package dev.shardbridge.event;

import dev.shardbridge.event.cbor.CborConverter;
import dev.shardbridge.event.transforms.ExtractNewImage;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;

import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Workers with plugin.discovery=service_load find our plugins only through these manifests. */
class ServiceManifestTest {

    @Test
    void convertersAndTransformsAreDiscoverableByServiceLoader() {
        assertThat(ServiceLoader.load(Converter.class).stream().map(ServiceLoader.Provider::type))
                .contains(CborConverter.class);
        assertThat(ServiceLoader.load(HeaderConverter.class).stream().map(ServiceLoader.Provider::type))
                .contains(CborConverter.class);
        assertThat(ServiceLoader.load(Transformation.class).stream().map(ServiceLoader.Provider::type))
                .contains(ExtractNewImage.class);
    }
}
