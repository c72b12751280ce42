package io.entry.auth.service;

import io.entry.auth.config.AuthConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * The RSA key that signs session tokens and the public keys published at {@code /.well-known/jwks.json}: the signing
 * key's public half plus any verification-only keys configured for a rotation. Loaded once at startup: a missing
 * or unreadable key stops the service.
 */
@ApplicationScoped
public class SigningKeys {

    private final AuthConfig config;
    private RSAPrivateCrtKey signingKey;
    private String signingKeyId;
    private String jwks;

    SigningKeys(AuthConfig config) {
        this.config = config;
    }

    @PostConstruct
    void load() {
        String location = config.jwt().signingKeyLocation().orElseThrow(() -> new IllegalStateException(
                "entry.jwt.signing-key-location is not set (ENTRY_JWT_SIGNING_KEY_LOCATION)"));
        signingKey = readPrivateKey(location);
        signingKeyId = config.jwt().signingKeyId();
        List<JsonWebKey> keys = new ArrayList<>();
        keys.add(publicJwk(signingKeyId, publicKeyOf(signingKey)));
        for (Map.Entry<String, String> extra : config.jwt().additionalPublicKeys().entrySet()) {
            keys.add(publicJwk(extra.getKey(), readPublicKey(extra.getValue())));
        }
        jwks = new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** RS256 signature with the {@code kid} header over exactly the given JSON payload. */
    public String sign(String claimsJson) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claimsJson);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue(signingKeyId);
        jws.setHeader("typ", "JWT");
        jws.setKey(signingKey);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The JWKS document. */
    public String jwks() {
        return jwks;
    }

    public String signingKeyId() {
        return signingKeyId;
    }

    private static RsaJsonWebKey publicJwk(String kid, RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        jwk.setKeyId(kid);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        return jwk;
    }

    static RSAPrivateCrtKey readPrivateKey(String location) {
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pemBody(location, "PRIVATE KEY")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(location + " is not an RSA private key in PKCS#8 PEM", e);
        }
    }

    static RSAPublicKey readPublicKey(String location) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(pemBody(location, "PUBLIC KEY")));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(location + " is not an RSA public key in PEM", e);
        }
    }

    static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] pemBody(String location, String type) {
        String text;
        try {
            text = Files.readString(Path.of(location), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key " + location, e);
        }
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(location + " has no " + type + " PEM block");
        }
        String base64 = text.substring(begin + type.length() + 16, end).replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
