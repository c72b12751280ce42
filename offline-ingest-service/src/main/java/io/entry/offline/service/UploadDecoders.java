package io.entry.offline.service;

import io.entry.model.EntryJson;
import io.entry.offline.config.OfflineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

/**
 * The decoder configured with this deployment's limits. It reads with Entry's record mapper, which keeps each
 * scanDateTime's own offset (the application's mapper would move it to UTC).
 */
@ApplicationScoped
public class UploadDecoders {

    private final UploadDecoder decoder;

    UploadDecoders(Validator validator, OfflineConfig config) {
        this.decoder = new UploadDecoder(EntryJson.newMapper(), validator, config.maxDecompressedBytes(), config.maxScans());
    }

    public UploadDecoder decoder() {
        return decoder;
    }
}
