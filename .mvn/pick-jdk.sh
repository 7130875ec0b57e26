# Sourced by ./mvnw, ./hearth and .ci/run: the build targets Java 21 while the machine default may be 17,
# so every entry point chooses a JDK >= 21 itself. An explicit JAVA_HOME >= 21 always wins.
hearth_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(hearth_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  set +f  # mvnw runs with globbing off
  for candidate in /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(hearth_java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(hearth_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  echo "Hearth needs a JDK >= 21; none found under /usr/lib/jvm and JAVA_HOME is not one." >&2
  exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
