package io.entry.testsupport;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Session tokens signed with the demo key ({@code deploy/demo/keys}), made with Nimbus JOSE, a JWT implementation
 * independent of the services' SmallRye JWT. For tests of services that verify tokens without auth-service running.
 * The claim values are the demo catalog's (CONTRACT §9): device in venue TS of account 390 at the VIP Entrance.
 */
public final class DemoTokens {

    public static final String KID = "entry-demo-1";
    public static final String ISSUER = "https://entry.local/auth";
    private static final RSAKey KEY = loadKey();

    private DemoTokens() {
    }

    /** The claims of a FULL session of the demo device, for tests to adjust before {@link #sign(Map)}. */
    public static Map<String, Object> fullClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("deviceId", 1001L);
        claims.put("deviceName", "Janam-Model X-1");
        claims.put("deviceNumber", 1);
        claims.put("serialNumber", "123456789");
        claims.put("venueName", "Test Stadium");
        claims.put("venueCode", "TS");
        claims.put("checkpointLayoutId", 3900001L);
        claims.put("checkpointLayoutName", "Test Stadium Layout");
        claims.put("checkpointLayoutCode", "CL.TS");
        claims.put("specialAreaId", 123L);
        claims.put("specialAreaName", "VIP Entrance");
        claims.put("specialAreaMaxCapacity", 100);
        claims.put("specialAreaMaxEntryPerTicket", 2);
        claims.put("specialAreaRequireEntryExit", true);
        claims.put("checkpointId", 39001L);
        claims.put("checkpointName", "Main Gate");
        claims.put("partnerId", "demo-partner");
        claims.put("deviceType", "handheld");
        claims.put("dataAccountId", "390");
        claims.put("accessorySerialNumber", null);
        claims.put("accessoryNumber", null);
        claims.put("venueTimezone", "America/Los_Angeles");
        claims.put("sub", "1001");
        claims.put("integratorType", "FULL");
        claims.put("groups", List.of("device"));
        return claims;
    }

    /** The claims of a LIMITED (Lite) session for venue TS of account 390. */
    public static Map<String, Object> limitedClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("dataAccountId", "390");
        claims.put("venueCode", "TS");
        claims.put("venueName", "Test Stadium");
        claims.put("venueTimezone", "America/Los_Angeles");
        claims.put("serialNumber", "123456789");
        claims.put("partnerId", "demo-partner");
        claims.put("sub", "123456789");
        claims.put("integratorType", "LIMITED");
        claims.put("groups", List.of("integrator"));
        return claims;
    }

    public static String full() {
        return sign(fullClaims());
    }

    public static String limited() {
        return sign(limitedClaims());
    }

    /** Signs the claims with the demo key; iss, jti, iat and exp (24 h) are added unless present. */
    public static String sign(Map<String, Object> claims) {
        return sign(claims, Instant.now(), Duration.ofHours(24), KID);
    }

    public static String sign(Map<String, Object> claims, Instant issuedAt, Duration lifetime, String kid) {
        try {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issuer(ISSUER)
                    .jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)));
            claims.forEach(builder::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                    .type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo signing key (private and public), e.g. to craft tampered tokens in rejection tests. */
    public static RSAKey key() {
        return KEY;
    }

    /** The JWKS document of the demo key, as auth-service publishes it in dev and test. */
    public static String jwks() {
        return "{\"keys\":[" + KEY.toPublicJWK().toJSONString() + "]}";
    }

    private static RSAKey loadKey() {
        // Plain JDK parsing of the PKCS#8 PEM: Nimbus' own PEM parser needs BouncyCastle's bcpkix, which the
        // offline build does not have.
        try (InputStream in = DemoTokens.class.getClassLoader().getResourceAsStream("demo/keys/signing-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("demo/keys/signing-key.pem is not on the classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            java.security.KeyFactory rsa = java.security.KeyFactory.getInstance("RSA");
            java.security.interfaces.RSAPrivateCrtKey privateKey = (java.security.interfaces.RSAPrivateCrtKey) rsa
                    .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(pem)));
            java.security.interfaces.RSAPublicKey publicKey = (java.security.interfaces.RSAPublicKey) rsa
                    .generatePublic(new java.security.spec.RSAPublicKeySpec(privateKey.getModulus(),
                            privateKey.getPublicExponent()));
            return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(KID).algorithm(JWSAlgorithm.RS256)
                    .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
