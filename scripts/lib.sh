# Shared by scripts/run, scripts/test and scripts/bench: make sure the Debian packages the
# project needs are present, then configure and build a CMake preset.

# Everything the build, the tests and the screenshots need, from Debian 12's own archive.
# The PostgreSQL ones serve team mode (docs/team.md): Qt's QPSQL driver, libpq, and the
# server with its contrib extensions (unaccent) for the throwaway test cluster (pg-cluster).
CHIPTIMELINE_PACKAGES=(
  cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n
  libqt6sql6-sqlite libsqlite3-dev libqt6svg6 qt6-qpa-plugins libgl-dev
  libqt6sql6-psql libpq-dev postgresql-15 postgresql-contrib
  fonts-dejavu-core fonts-inter
  poppler-utils xvfb xauth
  desktop-file-utils appstream shared-mime-info groff-base dpkg-dev lintian
)

# ccache keys on paths below the repository relative to it, so a fresh clone elsewhere (as CI
# makes) reuses what an earlier build compiled.
export CCACHE_BASEDIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_NOHASHDIR=1

chiptimeline_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}

# Installs what is missing. As root it runs apt-get itself; otherwise it prints the exact
# command to run and stops, so nothing is installed behind the user's back.
chiptimeline_ensure_packages() {
  local missing=() pkg
  for pkg in "${CHIPTIMELINE_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing missing Debian packages: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# chiptimeline_build PRESET [TARGET...]
chiptimeline_build() {
  local preset=$1
  shift
  cmake --preset "$preset" >/dev/null
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@"
  else
    cmake --build --preset "$preset"
  fi
}
