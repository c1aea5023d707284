package dev.spindle.controllers.network;

import dev.spindle.controllers.config.ConfigPreview;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings a controller repeats on every reconcile while their cause lasts (a command line that does not parse, an
 * invalid host name, servers dropped from resolv.conf), logged once per distinct message and topic: again only after
 * the message changed or the topic was {@linkplain #clear cleared} in between. Logged under the controller's logger
 * name, as the runtime logs its errors. A dry run ({@link ConfigPreview}) neither logs nor changes what was logged.
 */
final class WarnOnce {
  private final Logger logger;
  private final Map<String, String> last = new HashMap<>();

  WarnOnce(String controllerName) {
    this.logger = LoggerFactory.getLogger("spindle.controller." + controllerName);
  }

  /** Logs {@code message} unless it is what {@code topic} logged last. Returns whether it logged. */
  synchronized boolean warn(String topic, String message) {
    if (ConfigPreview.previewing()) {
      return false;
    }
    if (message.equals(last.put(topic, message))) {
      return false;
    }
    logger.warn(message);
    return true;
  }

  /** The cause is gone: the next warning on {@code topic} is logged even if it repeats the last one. */
  synchronized void clear(String topic) {
    if (ConfigPreview.previewing()) {
      return;
    }
    last.remove(topic);
  }
}
