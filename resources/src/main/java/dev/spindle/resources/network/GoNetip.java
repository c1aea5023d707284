package dev.spindle.resources.network;

import dev.spindle.resources.GoQuote;

/**
 * Go's {@code netip.ParseAddr}, with its exact error messages ({@code ParseAddr("xyz"): unable to parse IP}), for
 * parsers whose errors must read as Talos's. It is stricter than {@link IpAddr#parse}: no leading zeros in IPv4
 * octets, at most four hex digits per IPv6 group. Zones ({@code fe80::1%eth0}) parse in Go but cannot be represented
 * by {@link IpAddr}; they are refused with a message of the same form.
 */
public final class GoNetip {
  private GoNetip() {}

  public static IpAddr parseAddr(String s) {
    for (int i = 0; i < s.length(); i++) {
      switch (s.charAt(i)) {
        case '.' -> {
          return new IpAddr(parseIpv4(s, s));
        }
        case ':' -> {
          return parseIpv6(s);
        }
        case '%' -> throw error(s, "missing IPv6 address", "");
        default -> { }
      }
    }
    throw error(s, "unable to parse IP", "");
  }

  private static byte[] parseIpv4(String in, String s) {
    byte[] fields = new byte[4];
    int val = 0;
    int pos = 0;
    int digits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (digits == 1 && val == 0) {
          throw error(in, "IPv4 field has octet with leading zero", "");
        }
        val = val * 10 + (c - '0');
        digits++;
        if (val > 255) {
          throw error(in, "IPv4 field has value >255", "");
        }
      } else if (c == '.') {
        if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
          throw error(in, "IPv4 field must have at least one digit", s.substring(i));
        }
        if (pos == 3) {
          throw error(in, "IPv4 address too long", "");
        }
        fields[pos++] = (byte) val;
        val = 0;
        digits = 0;
      } else {
        throw error(in, "unexpected character", s.substring(i));
      }
    }
    if (pos < 3) {
      throw error(in, "IPv4 address too short", "");
    }
    fields[3] = (byte) val;
    return fields;
  }

  private static IpAddr parseIpv6(String in) {
    String s = in;
    int percent = s.indexOf('%');
    if (percent >= 0) {
      if (percent == s.length() - 1) {
        throw error(in, "zone must be a non-empty string", "");
      }
      throw error(in, "IPv6 zones are not supported", "");
    }
    byte[] ip = new byte[16];
    int ellipsis = -1;
    if (s.length() >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
      ellipsis = 0;
      s = s.substring(2);
      if (s.isEmpty()) {
        return new IpAddr(ip);
      }
    }
    int i = 0;
    while (i < 16) {
      int off = 0;
      int acc = 0;
      for (; off < s.length(); off++) {
        int digit = Character.digit(s.charAt(off), 16);
        if (digit < 0 || s.charAt(off) > 'f') {
          break;
        }
        acc = (acc << 4) + digit;
        if (off > 3) {
          throw error(in, "each colon-separated field must have at most 4 hex digits", s);
        }
        if (acc > 0xffff) {
          throw error(in, "IPv6 field has value >=2^16", s);
        }
      }
      if (off == 0) {
        throw error(in, "each colon-separated field must have at least one digit", s);
      }
      if (off < s.length() && s.charAt(off) == '.') {
        if (ellipsis < 0 && i != 12) {
          throw error(in, "embedded IPv4 address must replace the final 2 fields of the address", s);
        }
        if (i + 4 > 16) {
          throw error(in, "too many hex fields to fit an embedded IPv4 at the end of the address", s);
        }
        System.arraycopy(parseIpv4(in, s), 0, ip, i, 4);
        s = "";
        i += 4;
        break;
      }
      ip[i] = (byte) (acc >> 8);
      ip[i + 1] = (byte) acc;
      i += 2;
      s = s.substring(off);
      if (s.isEmpty()) {
        break;
      }
      if (s.charAt(0) != ':') {
        throw error(in, "unexpected character, want colon", s);
      } else if (s.length() == 1) {
        throw error(in, "colon must be followed by more characters", s);
      }
      s = s.substring(1);
      if (s.charAt(0) == ':') {
        if (ellipsis >= 0) {
          throw error(in, "multiple :: in address", s);
        }
        ellipsis = i;
        s = s.substring(1);
        if (s.isEmpty()) {
          break;
        }
      }
    }
    if (!s.isEmpty()) {
      throw error(in, "trailing garbage after address", s);
    }
    if (i < 16) {
      if (ellipsis < 0) {
        throw error(in, "address string too short", "");
      }
      int n = 16 - i;
      for (int j = i - 1; j >= ellipsis; j--) {
        ip[j + n] = ip[j];
      }
      java.util.Arrays.fill(ip, ellipsis, ellipsis + n, (byte) 0);
    } else if (ellipsis >= 0) {
      throw error(in, "the :: must expand to at least one field of zeros", s);
    }
    return new IpAddr(ip);
  }

  private static IllegalArgumentException error(String in, String msg, String at) {
    String text = "ParseAddr(" + GoQuote.quote(in) + "): " + msg;
    return new IllegalArgumentException(at.isEmpty() ? text : text + " (at " + GoQuote.quote(at) + ")");
  }
}
