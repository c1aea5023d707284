package dev.spindle.platform.wireguard;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.KeyAgreement;

/**
 * A 32-byte WireGuard key (private, public or preshared) as {@code wg} writes it: standard base64 of the raw bytes.
 * The curve arithmetic is the JDK's X25519; nothing here implements the curve.
 *
 * <p>{@link #toString()} never shows the bytes, so a private key cannot reach a log by accident; {@link #base64()}
 * is the one way to print a key.
 */
public final class WireguardKey {
  /** Length of every WireGuard key, in bytes. */
  public static final int LENGTH = 32;

  /** The all-zero key: what a device without a private key reports, and "no preshared key". */
  public static final WireguardKey ZERO = new WireguardKey(new byte[LENGTH]);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] BASE_POINT = littleEndian(BigInteger.valueOf(9));

  private final byte[] bytes;

  private WireguardKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The key with these 32 raw bytes. */
  public static WireguardKey of(byte[] raw) {
    if (raw == null || raw.length != LENGTH) {
      throw new IllegalArgumentException(
          "invalid wireguard key length: " + (raw == null ? 0 : raw.length) + " bytes, want " + LENGTH);
    }
    return new WireguardKey(raw.clone());
  }

  /**
   * Parses standard base64 (with padding) of 32 bytes.
   *
   * @throws IllegalArgumentException naming what is wrong, but never echoing the text (it may be a private key)
   */
  public static WireguardKey parse(String base64) {
    if (base64 == null || base64.isEmpty()) {
      throw new IllegalArgumentException("empty wireguard key");
    }
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("wireguard key is not base64: " + e.getMessage());
    }
    return of(raw);
  }

  /** A new private key from a strong random source, clamped as {@code wg genkey} clamps it. */
  public static WireguardKey generatePrivate() {
    return generatePrivate(RANDOM);
  }

  /** A private key from {@code random} (a seeded source gives reproducible keys for tests and generators). */
  public static WireguardKey generatePrivate(java.util.Random random) {
    byte[] raw = new byte[LENGTH];
    random.nextBytes(raw);
    raw[0] &= (byte) 248;
    raw[31] &= 127;
    raw[31] |= 64;
    return new WireguardKey(raw);
  }

  /** A new random preshared key (no clamping, as {@code wg genpsk}). */
  public static WireguardKey generatePreshared() {
    byte[] raw = new byte[LENGTH];
    RANDOM.nextBytes(raw);
    return new WireguardKey(raw);
  }

  /**
   * The public key of this private key: X25519(this, 9), computed by the JDK's key agreement against the base point.
   */
  public WireguardKey publicKey() {
    try {
      KeyFactory factory = KeyFactory.getInstance("XDH");
      var privateKey = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, bytes.clone()));
      var basePoint = factory.generatePublic(
          new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, reverse(BASE_POINT))));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(privateKey);
      agreement.doPhase(basePoint, true);
      return new WireguardKey(agreement.generateSecret());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X25519", e);
    }
  }

  public boolean isZero() {
    return MessageDigest.isEqual(bytes, ZERO.bytes);
  }

  /** The raw 32 bytes (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Standard base64, as {@code wg} prints keys. */
  public String base64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Lower-case hex, as the UAPI text protocol carries keys. */
  public String hex() {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /** Parses the UAPI's 64 hex digits. */
  public static WireguardKey parseHex(String hex) {
    if (hex == null || hex.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("a wireguard key in hex has " + 2 * LENGTH + " digits");
    }
    return new WireguardKey(java.util.HexFormat.of().parseHex(hex));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireguardKey other && MessageDigest.isEqual(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Never the key itself: {@code WireguardKey[redacted]} (or {@code [zero]}). */
  @Override
  public String toString() {
    return isZero() ? "WireguardKey[zero]" : "WireguardKey[redacted]";
  }

  private static byte[] littleEndian(BigInteger value) {
    byte[] out = new byte[LENGTH];
    byte[] big = value.toByteArray();
    for (int i = 0; i < big.length && i < LENGTH; i++) {
      out[i] = big[big.length - 1 - i];
    }
    return out;
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
