# Sourced by deploy/run.sh, deploy/backup.sh, deploy/import.sh and .ci/run: finds a JDK 21 or newer (Payara Micro 7
# needs it) and exports it as JAVA_HOME with its bin/ first on the PATH, so that ./mvnw and java both use it.
# Order: JAVA_HOME if it is 21+, else the newest JDK 21+ under /usr/lib/jvm, else `java` on the PATH if it is 21+.
# Without one it says in one line what to install and returns 1.

klassrum_min_java=21

# The feature version (17, 21, 25, ...) of the java binary $1, or nothing.
klassrum_java_version() {
  local java=$1 version
  [[ -x $java ]] || return 0
  version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1)
  [[ $version =~ ^[0-9]+$ ]] && echo "$version"
  return 0
}

# A JDK (not a JRE): it has javac beside java, which the build needs.
klassrum_is_jdk() {
  local home=$1 version
  [[ -x $home/bin/javac ]] || return 1
  version=$(klassrum_java_version "$home/bin/java")
  [[ -n $version ]] && (( version >= klassrum_min_java ))
}

klassrum_use_java() {
  local home="" candidate best_version=0 version java
  if [[ -n ${JAVA_HOME:-} ]] && klassrum_is_jdk "$JAVA_HOME"; then
    home=$JAVA_HOME
  else
    for candidate in /usr/lib/jvm/*/; do
      candidate=${candidate%/}
      [[ -L $candidate ]] && continue # Debian's version aliases point at folders this loop sees anyway
      klassrum_is_jdk "$candidate" || continue
      version=$(klassrum_java_version "$candidate/bin/java")
      if (( version > best_version )); then
        home=$candidate
        best_version=$version
      fi
    done
    if [[ -z $home ]] && java=$(command -v java 2>/dev/null); then
      candidate=$(dirname "$(dirname "$(readlink -f "$java")")")
      klassrum_is_jdk "$candidate" && home=$candidate
    fi
  fi
  if [[ -z $home ]]; then
    echo "Klassrum needs a JDK ${klassrum_min_java} or newer (Payara Micro 7), and JAVA_HOME, /usr/lib/jvm and the PATH have none: install one (e.g. Eclipse Temurin 25, or openjdk-${klassrum_min_java}-jdk-headless on Debian 13 or Ubuntu 24.04) or set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$home
  export PATH=$home/bin:$PATH
}
