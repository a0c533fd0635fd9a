# Shared by scripts/run and scripts/test: Debian packages and the CMake build.
# shellcheck shell=bash

BUILD_PACKAGES=(
    cmake ninja-build ccache g++ pkg-config mold
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-pdf-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qtkeychain-qt6-dev libsecret-1-0 libqt6sql6-sqlite libsqlite3-dev libssl-dev libgl-dev
    libqt6sql6-psql libpq-dev
    libboost-dev libcurl4-openssl-dev
)
# A real Secret Service (gnome-keyring in its own D-Bus session), a display server for
# screenshots, and the checkers the suite runs.
TEST_PACKAGES=(
    gnome-keyring dbus dbus-x11 xvfb xauth imagemagick clang-format binutils openssl curl
    clang libclang-rt-14-dev
    dpkg-dev desktop-file-utils appstream systemd
    poppler-utils qpdf
    # A real SMTP server with STARTTLS for the notification tests (tests/notify/smtp_sink.py).
    python3-aiosmtpd
    # The PostgreSQL variants of the store tests: ctest's pg_cluster fixture starts a throwaway
    # cluster with scripts/pg-cluster (server run by the postgres account when root).
    postgresql-15 libqt6sql6-psql
)
# What scripts/bench needs beyond the build: a private keyring session for the benchmarks, and
# nginx (`return 204` over TLS) as the yardstick for the inbox's throughput.
BENCH_PACKAGES=(gnome-keyring dbus dbus-x11 openssl nginx-light)
RUN_PACKAGES=(
    libqt6sql6-psql gnome-keyring dbus dbus-x11 xvfb xauth x11-utils imagemagick procps curl
    python3-aiosmtpd openssl
)

# Build directories share ccache hits (paths inside the tree are hashed relative to it).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(pwd)}"
export CCACHE_NOHASHDIR=1
# Precompiled headers (cmake/Precompiled.cmake) stay cacheable: ccache hashes the .gch a unit
# includes; the header set's own mtime/ctime and __DATE__-free defines don't decide a hit.
export CCACHE_SLOPPINESS="${CCACHE_SLOPPINESS:-pch_defines,time_macros,include_file_mtime,include_file_ctime}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs whichever of the named packages are missing; apt-get update only when needed.
ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "missing packages (${missing[*]}); run as root" >&2; exit 1; }
        sudo=(sudo)
    fi
    log "installing Debian packages: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# configure_and_build DIR BUILD_TYPE [CMAKE ARGS...]: incremental; Ninja and ccache. With
# BUILD_TARGET set (e.g. `products`: every program but the tests), builds only that target.
configure_and_build() {
    local dir=$1 type=$2
    shift 2
    if [[ ! -f "$dir/build.ninja" ]]; then
        log "configuring $dir ($type)"
        cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    fi
    log "building $dir${BUILD_TARGET:+ ($BUILD_TARGET)}"
    cmake --build "$dir" --parallel "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
}
