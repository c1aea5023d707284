package dev.spindle.platform.time;

import java.time.Duration;

/**
 * The SNTP client port (RFC 4330): ask one server for the time. One query, no state, no clock changes; the sync
 * controller decides which server to ask when and what to do with the answer. {@link CommonsNetSntp} asks over UDP,
 * {@link FakeSntp} answers from simulated servers without touching the network.
 */
public interface Sntp {
  /** Asks the server once (each of its addresses in turn, for a name); throws if no address gave a usable answer. */
  SntpResult query(SntpServer server, Duration timeout) throws SntpException;
}
