# Sourced by ./spindle, cli/bin/spindlectl and daemon/bin/spindled: one rule for which JDK runs Spindle.
# JAVA_HOME if it is a JDK 25, else the first JDK 25 under /usr/lib/jvm. The version comes from the JDK's release
# file, read with shell builtins: `java -version` would cost a JVM start (30 ms) per check, and every process a
# launcher starts adds to each command's time.

is_jdk25() {
  local line
  [ -x "$1/bin/java" ] && [ -r "$1/release" ] || return 1
  while IFS= read -r line; do
    case "$line" in JAVA_VERSION=\"25\"*|JAVA_VERSION=\"25.*) return 0 ;; esac
  done <"$1/release"
  return 1
}

# select_jdk25 NAME: exports JAVA_HOME, or says on stderr (as NAME) that there is no JDK 25 and returns 1.
select_jdk25() {
  local candidate
  if [ -z "${JAVA_HOME:-}" ] || ! is_jdk25 "$JAVA_HOME"; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-*; do
      if is_jdk25 "$candidate"; then
        export JAVA_HOME="$candidate"
        break
      fi
    done
  fi
  if [ -z "${JAVA_HOME:-}" ] || ! is_jdk25 "$JAVA_HOME"; then
    echo "$1: JDK 25 not found; install Temurin 25 under /usr/lib/jvm or set JAVA_HOME" >&2
    return 1
  fi
}
