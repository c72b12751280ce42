package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The wallet keys of Get Events (CONTRACT §4). A LIMITED token gets the empty object {@code {}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NfcKeys(List<AppleKey> apple, List<GoogleKey> google) {

    public static final NfcKeys NONE = new NfcKeys(null, null);

    public record AppleKey(String passTypeIdentifier, String keyId, String privateKey) {
    }

    public record GoogleKey(String collectorId, Integer keyVersion, String privateKey) {
    }
}
